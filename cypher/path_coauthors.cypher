// The co-authors of each researcher of a frontier set: one row per (researcher, co-author).
// params: ids
UNWIND $ids AS rid
MATCH (r:Researcher {id: rid})-[:AUTHORED]->(:Work)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r
RETURN DISTINCT r.id AS researcher, c.id AS coauthor
ORDER BY researcher, coauthor
