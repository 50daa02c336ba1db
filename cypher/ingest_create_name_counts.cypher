// Create the name counts of keys not stored yet, at zero (ingest_add_name_counts adds to them).
// On Neo4j a MERGE: two writers creating the same key wait on its uniqueness constraint.
// params: rows
UNWIND $rows AS row
MERGE (n:NameCount {key: row.key})
ON CREATE SET n.n = 0
