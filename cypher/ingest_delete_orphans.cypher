// Delete researchers left with no work after a newer version replaced an author list, unless
// a claim is on them (README: Claims: a claim never loses its record, whose id could go to a new
// person); returns the ids, names and name words of those deleted.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
WHERE COUNT { MATCH (r)-[:AUTHORED]->(:Work) } = 0
  AND COUNT { MATCH (:Claim)-[:CLAIMS]->(r) } = 0
OPTIONAL MATCH (r)-[:HAS_WORD]->(k:NameWord)
WITH r, r.id AS gone, r.name AS name, collect(k.word) AS words
DETACH DELETE r
RETURN gone AS id, name, words
