// A number that changes whenever an ingest or an admin change writes to the graph.
// params: none
MATCH (s:IngestState {source: '__graph__'})
RETURN s.position AS version
