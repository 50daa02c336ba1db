// The researchers with the most works in a topic (ties by name, then id).
// params: id, limit
MATCH (t:Topic {id: $id})<-[:HAS_TOPIC]-(w:Work)<-[:AUTHORED]-(r:Researcher)
WITH r, count(DISTINCT w) AS works
RETURN r.id AS id, r.name AS name, works
ORDER BY works DESC, name, id
LIMIT $limit
