// How many changes to who is who the graph has seen (`ingest_bump_identity`).
// params: none
MATCH (s:IngestState {source: '__identity__'})
RETURN s.position AS version
