// Layer: add to teams' work counts.
// params: rows
UNWIND $rows AS row
MATCH (t:Team {id: row.id})
SET t.works = coalesce(t.works, 0) + row.n
