// Online bulk load of AFFILIATED_WITH relationships into an empty running Neo4j (`--bulk`
// without `--neo4j-data`: a server, a cluster or Aura), one chunk of rows per transaction.
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.`from`})
MATCH (b:Institution {id: row.`to`})
CREATE (a)-[e:AFFILIATED_WITH]->(b)
SET e.first_year = row.first_year, e.last_year = row.last_year, e.works = row.works
