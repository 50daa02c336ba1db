// Topic lists: which works are in a topic now (rows of topic, id), with their dates.
// params: rows
UNWIND $rows AS row
MATCH (w:Work {arxiv_id: row.id})-[:HAS_TOPIC]->(t:Topic {id: row.topic})
RETURN t.id AS topic, w.arxiv_id AS arxiv_id, w.published AS published
