// Topic lists: store topics' top researchers and their counts.
// params: rows
UNWIND $rows AS row
MATCH (t:Topic {id: row.id})
SET t.top_ids = row.ids, t.top_counts = row.counts
