// Layer: set researchers' work counts (recomputed researchers).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.id})
SET r.works_count = row.n
