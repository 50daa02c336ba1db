// Create or refresh researchers (name, keys, aliases).
// params: rows
UNWIND $rows AS row
MERGE (r:Researcher {id: row.id})
ON CREATE SET r.works_count = 0, r.topics_count = 0, r.coauthors_count = 0
SET r.name = row.name, r.name_key = row.name_key, r.block_key = row.block_key,
    r.search_text = row.search_text, r.aliases = row.aliases, r.block_peer = row.block_peer
