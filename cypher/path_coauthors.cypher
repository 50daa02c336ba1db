// The personal co-authors of each researcher of a frontier set (layer): one row per pair.
// params: ids
MATCH (r:Researcher)-[:COAUTHOR]-(c:Researcher)
WHERE r.id IN $ids
RETURN DISTINCT r.id AS researcher, c.id AS coauthor
ORDER BY researcher, coauthor
