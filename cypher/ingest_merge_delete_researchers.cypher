// Delete researchers merged into another one (their works have moved); returns the words of
// their names, for graphsvc.store.name_words to prune.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.old_id})
OPTIONAL MATCH (r)-[:HAS_WORD]->(k:NameWord)
WITH r, collect(k.word) AS words
DETACH DELETE r
RETURN words
