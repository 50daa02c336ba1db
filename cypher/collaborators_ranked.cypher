// A researcher's co-authors ranked by shared works (or Newman's weight: each shared work with
// n authors adds 1/(n-1)), counting works of year >= since; scores rounded to 6 decimals.
// params: id, since, newman, limit
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
WHERE coalesce(w.year, 0) >= $since
WITH DISTINCT r, w
MATCH (w)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r
WITH DISTINCT c, w
WITH c, count(w) AS shared_works,
     sum(1.0 / CASE WHEN w.authors_count > 1 THEN w.authors_count - 1 ELSE 1 END) AS newman,
     min(w.year) AS first_year, max(w.year) AS last_year
WITH c, shared_works, first_year, last_year,
     round(CASE WHEN $newman THEN newman ELSE shared_works * 1.0 END, 6) AS score
RETURN c.id AS id, c.name AS name, shared_works, score, first_year, last_year
ORDER BY score DESC, name, id
LIMIT $limit
