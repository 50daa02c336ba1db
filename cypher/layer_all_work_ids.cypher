// Layer rebuild: every work id.
// params: none
MATCH (w:Work)
RETURN w.arxiv_id AS id
ORDER BY id
