// Topic lists: which works are in a topic now (rows of topic, id), with their dates.
// (Both ends matched first, then the relationship: Ladybug plans the one-pattern form as a scan.)
// params: rows
UNWIND $rows AS row
MATCH (w:Work {arxiv_id: row.id})
MATCH (t:Topic {id: row.topic})
MATCH (w)-[:HAS_TOPIC]->(t)
RETURN t.id AS topic, w.arxiv_id AS arxiv_id, w.published AS published
