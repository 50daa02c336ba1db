// Every work with its properties, for exports and graph comparisons.
// params: none
MATCH (w:Work)
RETURN w.arxiv_id AS arxiv_id, w.version AS version, w.title AS title,
       w.title_folded AS title_folded, w.abstract AS abstract, w.published AS published,
       w.updated AS updated, w.year AS year, w.doi AS doi, w.journal_ref AS journal_ref,
       w.comment AS comment, w.primary_category AS primary_category,
       w.authors_count AS authors_count, w.authors_ordered AS authors_ordered
ORDER BY arxiv_id
