// Layer: add to topic co-occurrence counts (stored once, from the smaller id).
// params: rows
UNWIND $rows AS row
MATCH (a:Topic {id: row.a})
MATCH (b:Topic {id: row.b})
MERGE (a)-[c:COOCCURS]->(b)
ON CREATE SET c.works = row.works
ON MATCH SET c.works = c.works + row.works
