// A researcher's personal co-authors ranked by shared works (ties by name, then id), the first
// $limit (layer).
// params: id, limit
// ladybug: LIMIT $limit applied by the backend
MATCH (r:Researcher {id: $id})-[e:COAUTHOR]-(c:Researcher)
RETURN c.id AS id, c.name AS name, e.works AS shared
ORDER BY shared DESC, name, id
LIMIT $limit
