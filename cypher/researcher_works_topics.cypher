// The topics (arXiv categories) of the given works, and which one is primary.
// params: ids
UNWIND $ids AS wid
MATCH (w:Work {arxiv_id: wid})-[h:HAS_TOPIC]->(t:Topic)
RETURN w.arxiv_id AS arxiv_id, t.id AS topic, h.is_primary AS is_primary
ORDER BY arxiv_id, topic
