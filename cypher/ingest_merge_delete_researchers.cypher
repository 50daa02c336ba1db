// Delete researchers merged into another one (their works have moved).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.old_id})
DETACH DELETE r
