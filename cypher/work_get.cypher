// One work with its properties (no row if unknown).
// params: id
MATCH (w:Work {arxiv_id: $id})
RETURN w.arxiv_id AS arxiv_id, w.version AS version, w.title AS title, w.abstract AS abstract,
       w.published AS published, w.updated AS updated, w.year AS year, w.doi AS doi,
       w.journal_ref AS journal_ref, w.comment AS comment,
       coalesce(w.team_work, false) AS team_work
