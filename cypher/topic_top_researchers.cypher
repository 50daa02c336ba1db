// The researchers with the most personal works in a topic (ties by name, then id), by a scan
// of the topic's researchers (when its stored list cannot tell).
// params: id, limit
MATCH (t:Topic {id: $id})<-[x:WORKS_IN]-(r:Researcher)
WHERE x.personal > 0
RETURN r.id AS id, r.name AS name, x.personal AS works
ORDER BY works DESC, name, id
LIMIT $limit
