// Online bulk load of MEMBER_OF relationships into an empty running Neo4j (`--bulk`
// without `--neo4j-data`: a server, a cluster or Aura), one chunk of rows per transaction.
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.`from`})
MATCH (b:Team {id: row.`to`})
CREATE (a)-[e:MEMBER_OF]->(b)
SET e.works = row.works
