// Online bulk load of HAS_WORD relationships into an empty running Neo4j (`--bulk`
// without `--neo4j-data`: a server, a cluster or Aura), one chunk of rows per transaction.
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.`from`})
MATCH (b:NameWord {word: row.`to`})
CREATE (a)-[:HAS_WORD]->(b)
