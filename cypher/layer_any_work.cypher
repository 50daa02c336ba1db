// Whether the graph holds any work (one row if so).
// params: none
MATCH (w:Work)
RETURN w.arxiv_id AS id
LIMIT 1
