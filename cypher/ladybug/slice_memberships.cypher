// The MEMBER_OF relationships between the given researchers and teams.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids, teams
UNWIND $ids AS x
MATCH (r:Researcher {id: x})
OPTIONAL MATCH (r)-[:MEMBER_OF]->(t:Team)
WITH r, t
WHERE t.id IN $teams
RETURN DISTINCT r.id AS researcher, t.id AS team
ORDER BY researcher, team
