// Layer: the co-authors on these researchers' personal (non-team) works. The works are kept
// before their authors are read (a team roster is never walked).
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[:AUTHORED]->(w:Work)
WHERE NOT coalesce(w.team_work, false)
WITH DISTINCT r, w
MATCH (w)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r
RETURN DISTINCT w.arxiv_id AS work, c.id AS coauthor
