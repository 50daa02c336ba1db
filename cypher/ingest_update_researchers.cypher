// Refresh stored researchers (name, keys, aliases); returns how many were found (the callers
// pass records they read as stored, in the same transaction or under the identity version,
// and check that every row was; new records go to ingest_create_researchers).
// A MATCH, not a MERGE: the embedded engine plans a MERGE by its key as a hash join with the
// whole table (every researcher read at each batch).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.id})
SET r.name = row.name, r.name_key = row.name_key, r.block_key = row.block_key,
    r.search_text = row.search_text, r.aliases = row.aliases, r.block_peer = row.block_peer
RETURN count(*) AS updated
