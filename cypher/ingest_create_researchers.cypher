// Create researchers new to the graph.
// params: rows
UNWIND $rows AS row
CREATE (:Researcher {id: row.id, name: row.name, name_key: row.name_key,
                     block_key: row.block_key, search_text: row.search_text,
                     aliases: row.aliases})
