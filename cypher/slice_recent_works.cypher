// A researcher's newest works (undated last, then arXiv id), the first $limit.
// params: id, limit
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
RETURN DISTINCT w.arxiv_id AS work, w.title AS title, w.year AS year, w.published AS published
ORDER BY published IS NULL, published DESC, work
LIMIT $limit
