// Count a change to who is who (an ingest batch, a merge, a split); returns the count before.
// An ingest batch runs this first: on Neo4j it then holds the node's lock until it commits,
// so no other such change commits in between, and the count before tells whether another
// came after the state the batch was resolved against.
// params: none
MERGE (s:IngestState {source: '__identity__'})
WITH s, coalesce(s.position, 0) AS previous
SET s.position = previous + 1
RETURN previous
