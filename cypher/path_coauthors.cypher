// The co-authors of each researcher of a frontier set: one row per (researcher, co-author).
// params: ids
MATCH (r:Researcher)-[:AUTHORED]->(:Work)<-[:AUTHORED]-(c:Researcher)
WHERE r.id IN $ids AND c <> r
RETURN DISTINCT r.id AS researcher, c.id AS coauthor
ORDER BY researcher, coauthor
