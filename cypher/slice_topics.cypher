// The topics of a researcher's works, with how many of their works each has.
// params: id
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)-[:HAS_TOPIC]->(t:Topic)
RETURN t.id AS topic, t.name AS name, count(DISTINCT w) AS works
ORDER BY works DESC, topic
