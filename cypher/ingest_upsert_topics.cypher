// Create or refresh topics from the taxonomy.
// params: rows
UNWIND $rows AS row
MERGE (t:Topic {id: row.id})
SET t.name = row.name, t.archive = row.archive, t.archive_name = row.archive_name,
    t.group_id = row.group_id, t.group_name = row.group_name
