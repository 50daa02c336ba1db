// The topics of a researcher's works, by number of works.
// params: id, limit
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
WITH DISTINCT w
MATCH (w)-[:HAS_TOPIC]->(t:Topic)
WITH t, count(DISTINCT w) AS works
RETURN t.id AS id, t.name AS name, works
ORDER BY works DESC, id
LIMIT $limit
