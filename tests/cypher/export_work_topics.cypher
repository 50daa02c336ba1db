// Every work-topic link.
// params: none
MATCH (w:Work)-[h:HAS_TOPIC]->(t:Topic)
RETURN w.arxiv_id AS work, t.id AS topic, h.is_primary AS is_primary
ORDER BY work, topic
