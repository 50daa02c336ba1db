// The AFFILIATED_WITH relationships between the given researchers and institutions (a slice's
// kept nodes), as (researcher id, institution id).
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids, institutions
UNWIND $ids AS x
MATCH (r:Researcher {id: x})
OPTIONAL MATCH (r)-[:AFFILIATED_WITH]->(i:Institution)
WITH r, i
WHERE i.id IN $institutions
RETURN DISTINCT r.id AS researcher, i.id AS institution
