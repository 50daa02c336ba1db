// Every work-team link.
// params: none
MATCH (w:Work)-[:BY_TEAM]->(t:Team)
RETURN w.arxiv_id AS work, t.id AS team
ORDER BY work, team
