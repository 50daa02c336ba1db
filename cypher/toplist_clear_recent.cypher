// Topic lists: topics with no work left.
// params: rows
UNWIND $rows AS row
MATCH (t:Topic {id: row.id})
SET t.recent_ids = null, t.recent_days = null
