// A researcher's co-authors ranked by shared works (ties by name, then id), the first $limit.
// params: id, limit
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r
WITH c, count(DISTINCT w) AS shared
RETURN c.id AS id, c.name AS name, shared
ORDER BY shared DESC, name, id
LIMIT $limit
