// Bulk load of BY_TEAM relationships over Bolt (the bulk path on Neo4j is
// neo4j-admin's offline import of CSV files; this is its online equivalent).
// params: rows
UNWIND $rows AS row
MATCH (a:Work {arxiv_id: row.`from`})
MATCH (b:Team {id: row.`to`})
CREATE (a)-[:BY_TEAM]->(b)
