// Topic lists: store topics' recent works.
// params: rows
UNWIND $rows AS row
MATCH (t:Topic {id: row.id})
SET t.recent_ids = row.ids
