// Layer: add to researchers' work counts.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.id})
SET r.works_count = coalesce(r.works_count, 0) + row.n
