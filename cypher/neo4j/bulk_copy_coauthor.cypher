// Online bulk load of COAUTHOR relationships into an empty running Neo4j (`--bulk`
// without `--neo4j-data`: a server, a cluster or Aura), one chunk of rows per transaction.
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.`from`})
MATCH (b:Researcher {id: row.`to`})
CREATE (a)-[e:COAUTHOR]->(b)
SET e.works = row.works, e.newman = row.newman
