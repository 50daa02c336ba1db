// A topic's newest works (undated last), then by arXiv id descending.
// params: id, limit
MATCH (t:Topic {id: $id})<-[:HAS_TOPIC]-(w:Work)
RETURN w.arxiv_id AS arxiv_id, w.title AS title, w.year AS year
ORDER BY w.published IS NULL, w.published DESC, arxiv_id DESC
LIMIT $limit
