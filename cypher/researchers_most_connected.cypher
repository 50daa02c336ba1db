// The most connected researchers (explorer home): most personal co-authors, then works, name,
// id (layer).
// params: limit
MATCH (r:Researcher)
WHERE r.coauthors_count > 0
RETURN r.id AS id, r.name AS name, r.coauthors_count AS coauthors, r.works_count AS works
ORDER BY coauthors DESC, works DESC, name, id
LIMIT $limit
