// The most connected researchers (explorer home): most distinct co-authors, then works, name, id.
// params: limit
MATCH (r:Researcher)-[:AUTHORED]->(:Work)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r
WITH r, count(DISTINCT c) AS coauthors
RETURN r.id AS id, r.name AS name, coauthors,
       COUNT { MATCH (r)-[:AUTHORED]->(:Work) } AS works
ORDER BY coauthors DESC, works DESC, name, id
LIMIT $limit
