// Add to the name counts (researchers created, renamed, merged or deleted).
// params: rows
UNWIND $rows AS row
MERGE (n:NameCount {key: row.key})
ON CREATE SET n.n = row.n
ON MATCH SET n.n = n.n + row.n
