// Topics with at least one work, largest first (ties by id).
// params: limit
MATCH (w:Work)-[:HAS_TOPIC]->(t:Topic)
WITH t, count(DISTINCT w) AS works
RETURN t.id AS id, t.name AS name, t.archive AS archive, t.group_name AS group_name, works
ORDER BY works DESC, id
LIMIT $limit
