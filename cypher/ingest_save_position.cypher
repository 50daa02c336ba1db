// Record how far an ingest source has been written (same transaction as the batch).
// params: source, position
MERGE (s:IngestState {source: $source})
SET s.position = $position
