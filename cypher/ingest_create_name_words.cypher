// Create the name words not stored yet (ingest_link_name_words links researchers to them).
// On Neo4j a MERGE: two writers creating the same word wait on its uniqueness constraint.
// params: rows
UNWIND $rows AS row
MERGE (:NameWord {word: row.word})
