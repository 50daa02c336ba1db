// Online bulk load of NameWord nodes into an empty running Neo4j (`--bulk`
// without `--neo4j-data`: a server, a cluster or Aura), one chunk of rows per transaction.
// params: rows
UNWIND $rows AS row
CREATE (n:NameWord)
SET n = row
