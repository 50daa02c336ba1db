// Attach works to their topics.
// params: rows
UNWIND $rows AS row
MATCH (w:Work {arxiv_id: row.work})
MATCH (t:Topic {id: row.topic})
CREATE (w)-[:HAS_TOPIC {is_primary: row.is_primary}]->(t)
