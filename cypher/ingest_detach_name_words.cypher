// Unlink stored researchers from their name words before their names are written again;
// returns the words they had (graphsvc.store.name_words prunes those left without a researcher).
// Each id looked up, then OPTIONAL MATCH from it (on the embedded engine a MATCH of the
// relationship after the look-ups is a hash join with every one of the type).
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
OPTIONAL MATCH (r)-[l:HAS_WORD]->(k:NameWord)
WITH l, k.word AS word
WHERE l IS NOT NULL
DELETE l
RETURN DISTINCT word
