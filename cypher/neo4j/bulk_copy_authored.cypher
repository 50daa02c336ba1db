// Bulk load of AUTHORED relationships over Bolt (the bulk path on Neo4j is
// neo4j-admin's offline import of CSV files; this is its online equivalent).
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.`from`})
MATCH (b:Work {arxiv_id: row.`to`})
CREATE (a)-[e:AUTHORED]->(b)
SET e.position = row.position, e.institutions = row.institutions
