// A researcher's co-authors ranked from the works themselves (no layer): shared works of
// year >= since, over personal works only or over all works ($all_works), by count or Newman's
// weight (each shared work with n authors adds 1/(n-1)); scores rounded to 6 decimals.
// params: id, since, all_works, newman, limit
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
WHERE coalesce(w.year, 0) >= $since AND ($all_works OR NOT coalesce(w.team_work, false))
WITH DISTINCT r, w
MATCH (w)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r
WITH c, count(w) AS shared_works,
     sum(1.0 / CASE WHEN w.authors_count > 1 THEN w.authors_count - 1 ELSE 1 END) AS newman
WITH c, shared_works, round(CASE WHEN $newman THEN newman ELSE shared_works * 1.0 END, 6) AS score
RETURN c.id AS id, c.name AS name, shared_works, score
ORDER BY score DESC, name, id
LIMIT $limit
