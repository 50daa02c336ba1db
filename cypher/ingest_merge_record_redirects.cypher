// Remember where a merged researcher id went (the API answers it with a redirect).
// params: rows
UNWIND $rows AS row
MERGE (m:MergedId {id: row.old_id})
SET m.into = row.new_id
