// Topics sharing works with a topic: shared works, and each one's own number of works.
// params: id, limit
MATCH (t:Topic {id: $id})<-[:HAS_TOPIC]-(w:Work)-[:HAS_TOPIC]->(u:Topic)
WHERE u <> t
WITH u, count(DISTINCT w) AS works_together
ORDER BY works_together DESC, u.id
LIMIT $limit
RETURN u.id AS id, u.name AS name, works_together,
       COUNT { MATCH (:Work)-[:HAS_TOPIC]->(u) } AS works
ORDER BY works_together DESC, id
