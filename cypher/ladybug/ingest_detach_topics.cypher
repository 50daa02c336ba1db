// Remove the topics of works about to be replaced by a newer version.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS id
MATCH (n:Work {arxiv_id: id})
OPTIONAL MATCH (n)-[x:HAS_TOPIC]->(:Topic)
WITH x
WHERE x IS NOT NULL
DELETE x
