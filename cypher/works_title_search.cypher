// Works whose folded title contains the folded query $q: newest first
// (undated last), then arXiv id descending.
// params: q, limit
MATCH (w:Work)
WHERE w.title_folded CONTAINS $q
RETURN w.arxiv_id AS arxiv_id, w.title AS title, w.year AS year
ORDER BY w.published IS NULL, w.published DESC, arxiv_id DESC
LIMIT $limit
