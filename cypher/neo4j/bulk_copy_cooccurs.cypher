// Bulk load of COOCCURS relationships over Bolt (the bulk path on Neo4j is
// neo4j-admin's offline import of CSV files; this is its online equivalent).
// params: rows
UNWIND $rows AS row
MATCH (a:Topic {id: row.`from`})
MATCH (b:Topic {id: row.`to`})
CREATE (a)-[e:COOCCURS]->(b)
SET e.works = row.works
