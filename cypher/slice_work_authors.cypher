// The AUTHORED relationships of the given works.
// params: ids
MATCH (a:Researcher)-[:AUTHORED]->(w:Work)
WHERE w.arxiv_id IN $ids
RETURN DISTINCT a.id AS researcher, w.arxiv_id AS work
ORDER BY work, researcher
