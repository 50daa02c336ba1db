// Add to the name counts (researchers created, renamed, merged or deleted); every key exists
// (ingest_create_name_counts runs first).
// params: rows
UNWIND $rows AS row
MATCH (n:NameCount {key: row.key})
SET n.n = n.n + row.n
