// Which of these arXiv ids are works in the graph.
// params: ids
MATCH (w:Work)
WHERE w.arxiv_id IN $ids
RETURN w.arxiv_id AS id
