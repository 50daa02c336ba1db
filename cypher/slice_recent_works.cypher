// A researcher's newest personal (non-team) works (undated last, then arXiv id), the first
// $limit.
// params: id, limit
// ladybug: LIMIT $limit applied by the backend
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
WHERE NOT coalesce(w.team_work, false)
RETURN w.arxiv_id AS work, w.title AS title, w.year AS year, w.published AS published
ORDER BY published IS NULL, published DESC, work
LIMIT $limit
