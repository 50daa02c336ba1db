// Topic lists: a topic's newest works (undated last), then by arXiv id descending.
// params: topic, limit
MATCH (t:Topic {id: $topic})<-[:HAS_TOPIC]-(w:Work)
RETURN w.arxiv_id AS arxiv_id, w.published AS published
ORDER BY w.published IS NULL, w.published DESC, arxiv_id DESC
LIMIT $limit
