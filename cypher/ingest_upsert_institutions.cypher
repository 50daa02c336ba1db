// Create institutions.
// params: rows
UNWIND $rows AS row
MERGE (i:Institution {id: row.id})
SET i.name = row.name
