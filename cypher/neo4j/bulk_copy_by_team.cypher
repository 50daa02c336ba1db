// Online bulk load of BY_TEAM relationships into an empty running Neo4j (`--bulk`
// without `--neo4j-data`: a server, a cluster or Aura), one chunk of rows per transaction.
// params: rows
UNWIND $rows AS row
MATCH (a:Work {arxiv_id: row.`from`})
MATCH (b:Team {id: row.`to`})
CREATE (a)-[:BY_TEAM]->(b)
