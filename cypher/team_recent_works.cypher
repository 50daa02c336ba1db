// A team's newest works (undated last), then by arXiv id descending.
// params: id, limit
MATCH (t:Team {id: $id})<-[:BY_TEAM]-(w:Work)
RETURN w.arxiv_id AS arxiv_id, w.title AS title, w.year AS year, w.authors_count AS authors_count
ORDER BY w.published IS NULL, w.published DESC, arxiv_id DESC
LIMIT $limit
