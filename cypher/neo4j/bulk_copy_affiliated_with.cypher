// Bulk load of AFFILIATED_WITH relationships over Bolt (the bulk path on Neo4j is
// neo4j-admin's offline import of CSV files; this is its online equivalent).
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.`from`})
MATCH (b:Institution {id: row.`to`})
CREATE (a)-[e:AFFILIATED_WITH]->(b)
SET e.first_year = row.first_year, e.last_year = row.last_year, e.works = row.works
