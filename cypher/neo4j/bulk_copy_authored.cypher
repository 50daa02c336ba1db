// Online bulk load of AUTHORED relationships into an empty running Neo4j (`--bulk`
// without `--neo4j-data`: a server, a cluster or Aura), one chunk of rows per transaction.
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.`from`})
MATCH (b:Work {arxiv_id: row.`to`})
CREATE (a)-[e:AUTHORED]->(b)
SET e.position = row.position, e.institutions = row.institutions
