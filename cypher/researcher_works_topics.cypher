// The topics (arXiv categories) of the given works, and which one is primary.
// params: ids
MATCH (w:Work)-[h:HAS_TOPIC]->(t:Topic)
WHERE w.arxiv_id IN $ids
RETURN w.arxiv_id AS arxiv_id, t.id AS topic, h.is_primary AS is_primary
ORDER BY arxiv_id, topic
