// Topic lists: which works are in a topic now (rows of topic, id), with their dates.
// (Neo4j: expand from the work, which has a few topics, and filter on the topic id; see
// toplist_personal_counts.)
// params: rows
UNWIND $rows AS row
MATCH (w:Work {arxiv_id: row.id})-[:HAS_TOPIC]->(t:Topic)
WHERE t.id = row.topic
RETURN t.id AS topic, w.arxiv_id AS arxiv_id, w.published AS published
