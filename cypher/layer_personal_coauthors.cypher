// Layer: the co-authors on these researchers' personal (non-team) works.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r AND coalesce(w.team_work, false) = false
RETURN DISTINCT w.arxiv_id AS work, c.id AS coauthor
