// Topics sharing works with a topic: shared works, and each one's own number of works (layer).
// params: id, limit
// ladybug: LIMIT $limit applied by the backend
MATCH (t:Topic {id: $id})-[c:COOCCURS]-(u:Topic)
RETURN u.id AS id, u.name AS name, c.works AS works_together, u.works AS works
ORDER BY works_together DESC, id
LIMIT $limit
