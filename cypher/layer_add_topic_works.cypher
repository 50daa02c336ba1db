// Layer: add to topics' work counts.
// params: rows
UNWIND $rows AS row
MATCH (t:Topic {id: row.id})
SET t.works = coalesce(t.works, 0) + row.n
