// The topics of the given works (HAS_TOPIC relationships), with topic names.
// params: ids
UNWIND $ids AS wid
MATCH (w:Work {arxiv_id: wid})-[:HAS_TOPIC]->(t:Topic)
RETURN DISTINCT w.arxiv_id AS work, t.id AS topic, t.name AS name
ORDER BY work, topic
