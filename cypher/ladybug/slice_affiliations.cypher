// The institutions of the given researchers (AFFILIATED_WITH relationships), with names.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS x
MATCH (r:Researcher {id: x})
OPTIONAL MATCH (r)-[:AFFILIATED_WITH]->(i:Institution)
WITH r, i
WHERE i IS NOT NULL
RETURN DISTINCT r.id AS researcher, i.id AS institution, i.name AS name
ORDER BY researcher, institution
