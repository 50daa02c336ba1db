// Bulk load of HAS_TOPIC relationships over Bolt (the bulk path on Neo4j is
// neo4j-admin's offline import of CSV files; this is its online equivalent).
// params: rows
UNWIND $rows AS row
MATCH (a:Work {arxiv_id: row.`from`})
MATCH (b:Topic {id: row.`to`})
CREATE (a)-[e:HAS_TOPIC]->(b)
SET e.is_primary = row.is_primary
