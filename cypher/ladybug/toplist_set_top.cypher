// Topic lists: store topics' top researchers and their counts. Ladybug types a list that is
// empty in every row as STRING[], so the counts are cast.
// params: rows
UNWIND $rows AS row
MATCH (t:Topic {id: row.id})
SET t.top_ids = row.ids, t.top_counts = CAST(row.counts AS INT64[])
