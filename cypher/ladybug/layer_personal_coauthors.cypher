// Layer: the co-authors on these researchers' personal (non-team) works. The works are kept
// before their authors are read (a team roster is never walked).
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)
WITH r, w
WHERE w IS NOT NULL AND NOT coalesce(w.team_work, false)
WITH DISTINCT r, w
OPTIONAL MATCH (w)<-[:AUTHORED]-(c:Researcher)
WITH r, w, c
WHERE c IS NOT NULL AND c <> r
RETURN DISTINCT w.arxiv_id AS work, c.id AS coauthor
