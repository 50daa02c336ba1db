// The topics (arXiv categories) of the given works, and which one is primary.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS x
MATCH (w:Work {arxiv_id: x})
OPTIONAL MATCH (w)-[h:HAS_TOPIC]->(t:Topic)
WITH w, h, t
WHERE t IS NOT NULL
RETURN DISTINCT w.arxiv_id AS arxiv_id, t.id AS topic, h.is_primary AS is_primary
ORDER BY arxiv_id, topic
