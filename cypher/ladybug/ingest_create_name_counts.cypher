// Create the name counts of keys not stored yet, at zero (ingest_add_name_counts adds to them).
// Ladybug: each key looked up, and created where absent. Its MERGE by a key is a hash join with
// the whole table, and a key read out of each row compared with every stored one: 312 ms for 883
// keys against 56,000 stored, against 24 ms here (bench/RESULTS.md). It has one writer.
// params: rows
UNWIND $rows AS row
OPTIONAL MATCH (n:NameCount {key: row.key})
WITH row, n
WHERE n IS NULL
CREATE (:NameCount {key: row.key, n: 0})
