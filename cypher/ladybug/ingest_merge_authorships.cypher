// Move the authorships of researchers found to be another researcher onto that researcher.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: rows
UNWIND $rows AS row
MATCH (old:Researcher {id: row.old_id})
OPTIONAL MATCH (old)-[a:AUTHORED]->(w:Work)
WITH row, a, w
WHERE a IS NOT NULL
MATCH (new:Researcher {id: row.new_id})
CREATE (new)-[:AUTHORED {position: a.position, institutions: a.institutions}]->(w)
DELETE a
