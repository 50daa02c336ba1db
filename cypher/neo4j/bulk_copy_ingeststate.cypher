// Bulk load of IngestState nodes over Bolt (the bulk path on Neo4j is neo4j-admin's
// offline import of CSV files; this is its online equivalent).
// params: rows
UNWIND $rows AS row
CREATE (n:IngestState)
SET n = row
