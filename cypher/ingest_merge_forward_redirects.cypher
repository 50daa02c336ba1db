// Ids that pointed at a merged researcher now point at the researcher it merged into.
// params: rows
UNWIND $rows AS row
MATCH (m:MergedId)
WHERE m.into = row.old_id
SET m.into = row.new_id
