// Topic lists: topics with no researcher of personal works there.
// params: rows
UNWIND $rows AS row
MATCH (t:Topic {id: row.id})
SET t.top_ids = null, t.top_counts = null
