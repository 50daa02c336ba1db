// Bulk load of COAUTHOR relationships over Bolt (the bulk path on Neo4j is
// neo4j-admin's offline import of CSV files; this is its online equivalent).
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.`from`})
MATCH (b:Researcher {id: row.`to`})
CREATE (a)-[e:COAUTHOR]->(b)
SET e.works = row.works, e.newman = row.newman
