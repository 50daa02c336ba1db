// Create the name words not stored yet (ingest_link_name_words links researchers to them).
// Ladybug: each word looked up, and created where absent (its MERGE by a key is a hash join
// with the whole table, as for the name counts). It has one writer.
// params: rows
UNWIND $rows AS row
OPTIONAL MATCH (k:NameWord {word: row.word})
WITH row, k
WHERE k IS NULL
CREATE (:NameWord {word: row.word})
