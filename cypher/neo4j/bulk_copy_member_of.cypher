// Bulk load of MEMBER_OF relationships over Bolt (the bulk path on Neo4j is
// neo4j-admin's offline import of CSV files; this is its online equivalent).
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.`from`})
MATCH (b:Team {id: row.`to`})
CREATE (a)-[e:MEMBER_OF]->(b)
SET e.works = row.works
