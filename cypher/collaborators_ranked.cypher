// A researcher's personal co-authors (shared works that are not team works) ranked by shared
// works or Newman's weight, from the layer; scores rounded to 6 decimals.
// params: id, newman, limit
// ladybug: LIMIT $limit applied by the backend
MATCH (r:Researcher {id: $id})-[e:COAUTHOR]-(c:Researcher)
WITH c, e.works AS shared_works,
     round(CASE WHEN $newman THEN e.newman ELSE e.works * 1.0 END, 6) AS score
RETURN c.id AS id, c.name AS name, shared_works, score
ORDER BY score DESC, name, id
LIMIT $limit
