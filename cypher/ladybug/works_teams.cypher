// The teams named on the given works.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS x
MATCH (w:Work {arxiv_id: x})
OPTIONAL MATCH (w)-[:BY_TEAM]->(t:Team)
WITH w, t
WHERE t IS NOT NULL
RETURN DISTINCT w.arxiv_id AS arxiv_id, t.id AS id, t.name AS name
ORDER BY arxiv_id, id
