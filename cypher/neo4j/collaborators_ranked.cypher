// A researcher's personal co-authors (shared works that are not team works) ranked by shared
// works or Newman's weight, from the layer; scores rounded to 6 decimals.
// Neo4j: names are read and ordered only for the co-authors at or above the $limit-th by score
// (all 7,356 of a prolific researcher's at 1,000,000 works: about 30 ms).
// params: id, newman, limit
MATCH (r:Researcher {id: $id})-[e:COAUTHOR]-()
WITH r, round(CASE WHEN $newman THEN e.newman ELSE e.works * 1.0 END, 6) AS score
ORDER BY score DESC
LIMIT $limit
WITH r, min(score) AS floor
MATCH (r)-[e:COAUTHOR]-(c:Researcher)
WITH c, e.works AS shared_works,
     round(CASE WHEN $newman THEN e.newman ELSE e.works * 1.0 END, 6) AS score, floor
WHERE score >= floor
RETURN c.id AS id, c.name AS name, shared_works, score
ORDER BY score DESC, name, id
LIMIT $limit
