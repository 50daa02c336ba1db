// One page of a researcher's works, newest first (undated last), then by arXiv id descending.
// params: id, offset, limit
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
WITH DISTINCT w
RETURN w.arxiv_id AS arxiv_id, w.year AS year, w.published AS published, w.title AS title,
       w.abstract AS abstract, w.journal_ref AS journal_ref, w.authors_count AS authors_count
ORDER BY w.published IS NULL, w.published DESC, arxiv_id DESC
SKIP $offset
LIMIT $limit
