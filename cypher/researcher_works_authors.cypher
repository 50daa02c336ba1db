// The authors of the given works with their positions, the first $max_position of each
// (callers order them).
// params: ids, max_position
MATCH (a:Researcher)-[x:AUTHORED]->(w:Work)
WHERE w.arxiv_id IN $ids AND x.position < $max_position
RETURN w.arxiv_id AS arxiv_id, a.id AS id, a.name AS name, x.position AS position
ORDER BY arxiv_id, position, id
