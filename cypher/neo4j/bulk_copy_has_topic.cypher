// Online bulk load of HAS_TOPIC relationships into an empty running Neo4j (`--bulk`
// without `--neo4j-data`: a server, a cluster or Aura), one chunk of rows per transaction.
// params: rows
UNWIND $rows AS row
MATCH (a:Work {arxiv_id: row.`from`})
MATCH (b:Topic {id: row.`to`})
CREATE (a)-[e:HAS_TOPIC]->(b)
SET e.is_primary = row.is_primary
