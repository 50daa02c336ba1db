// Remember where a merged researcher id went (the API answers it with a redirect) and what
// undoing the merge needs: the works about to move, the merged record's name and aliases, and
// the aliases of the record it merges into as they were before.
// Run before the authorships move.
// params: rows
UNWIND $rows AS row
OPTIONAL MATCH (old:Researcher {id: row.old_id})
OPTIONAL MATCH (old)-[:AUTHORED]->(w:Work)
WITH row, old, w ORDER BY w.arxiv_id SKIP 0  // sorted works (Ladybug wants SKIP after ORDER BY)
WITH row, old, collect(w.arxiv_id) AS works
MERGE (m:MergedId {id: row.old_id})
SET m.into = row.new_id, m.works = works, m.name = old.name, m.aliases = old.aliases,
    m.into_aliases = row.into_aliases
