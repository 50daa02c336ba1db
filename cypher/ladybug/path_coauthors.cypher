// The personal co-authors of each researcher of a frontier set (layer): one row per pair.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS x
MATCH (r:Researcher {id: x})
OPTIONAL MATCH (r)-[:COAUTHOR]-(c:Researcher)
WITH r, c
WHERE c IS NOT NULL
RETURN DISTINCT r.id AS researcher, c.id AS coauthor
ORDER BY researcher, coauthor
