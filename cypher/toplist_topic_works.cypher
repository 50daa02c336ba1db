// Topic lists: which of these works are in a topic now, with their publication dates.
// params: topic, ids
MATCH (t:Topic {id: $topic})
UNWIND $ids AS wid
MATCH (w:Work {arxiv_id: wid})-[:HAS_TOPIC]->(t)
RETURN w.arxiv_id AS arxiv_id, w.published AS published
