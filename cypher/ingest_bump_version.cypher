// Mark the graph as changed (caches keyed on graph_version expire).
// params: none
MERGE (s:IngestState {source: '__graph__'})
SET s.position = coalesce(s.position, 0) + 1
