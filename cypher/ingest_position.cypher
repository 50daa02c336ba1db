// How far an ingest source has been written.
// params: source
MATCH (s:IngestState {source: $source})
RETURN s.position AS position
