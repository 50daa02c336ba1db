// The authors of the given works with their positions, the first $max_position of each
// (callers order them).
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids, max_position
UNWIND $ids AS x
MATCH (w:Work {arxiv_id: x})
OPTIONAL MATCH (w)<-[p:AUTHORED]-(a:Researcher)
WHERE p.position < $max_position
WITH w, p, a
WHERE a IS NOT NULL
RETURN DISTINCT w.arxiv_id AS arxiv_id, a.id AS id, a.name AS name, p.position AS position
ORDER BY arxiv_id, position, id
