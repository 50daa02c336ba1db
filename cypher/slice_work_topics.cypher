// The topics of the given works (HAS_TOPIC relationships), with topic names.
// params: ids
MATCH (w:Work)-[:HAS_TOPIC]->(t:Topic)
WHERE w.arxiv_id IN $ids
RETURN DISTINCT w.arxiv_id AS work, t.id AS topic, t.name AS name
ORDER BY work, topic
