// Topic lists: store topics' recent works, with their days (graphsvc.store.toplists).
// params: rows
UNWIND $rows AS row
MATCH (t:Topic {id: row.id})
SET t.recent_ids = row.ids, t.recent_days = row.days
