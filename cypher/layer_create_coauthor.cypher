// Layer: co-author pairs with a researcher created in this transaction (smaller id first).
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.a})
MATCH (b:Researcher {id: row.b})
CREATE (a)-[:COAUTHOR {works: row.works, newman: row.newman}]->(b)
