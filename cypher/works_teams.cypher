// The teams named on the given works.
// params: ids
MATCH (w:Work)-[:BY_TEAM]->(t:Team)
WHERE w.arxiv_id IN $ids
RETURN w.arxiv_id AS arxiv_id, t.id AS id, t.name AS name
ORDER BY arxiv_id, id
