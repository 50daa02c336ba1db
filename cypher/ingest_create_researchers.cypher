// Create researchers new to the graph (their layer counts start at zero).
// params: rows
UNWIND $rows AS row
CREATE (:Researcher {id: row.id, name: row.name, name_key: row.name_key,
                     block_key: row.block_key, search_text: row.search_text,
                     aliases: row.aliases, block_peer: row.block_peer, works_count: 0,
                     topics_count: 0, coauthors_count: 0})
