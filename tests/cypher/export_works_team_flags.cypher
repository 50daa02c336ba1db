// Every work's team flag and number of authors.
// params: none
MATCH (w:Work)
RETURN w.arxiv_id AS arxiv_id, coalesce(w.team_work, false) AS team_work,
       w.authors_count AS authors_count
ORDER BY arxiv_id
