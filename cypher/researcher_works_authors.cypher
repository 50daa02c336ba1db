// The authors of the given works with their positions (callers order them).
// params: ids
MATCH (a:Researcher)-[x:AUTHORED]->(w:Work)
WHERE w.arxiv_id IN $ids
RETURN w.arxiv_id AS arxiv_id, a.id AS id, a.name AS name, x.position AS position
ORDER BY arxiv_id, position, id
