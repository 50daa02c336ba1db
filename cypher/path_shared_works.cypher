// The personal (non-team) works two researchers both authored.
// params: a, b
MATCH (x:Researcher {id: $a})-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(y:Researcher {id: $b})
WHERE x <> y AND NOT coalesce(w.team_work, false)
RETURN DISTINCT w.arxiv_id AS arxiv_id, w.title AS title, w.year AS year,
       w.published AS published
ORDER BY arxiv_id
