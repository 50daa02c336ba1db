// The AUTHORED and HAS_TOPIC relationships of the given works, as (kind, source id, target id).
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS x
MATCH (w:Work {arxiv_id: x})
OPTIONAL MATCH (w)<-[:AUTHORED]-(a:Researcher)
WITH w, a
WHERE a IS NOT NULL
RETURN DISTINCT 'AUTHORED' AS kind, a.id AS source, w.arxiv_id AS target
UNION ALL
UNWIND $ids AS x
MATCH (w:Work {arxiv_id: x})
OPTIONAL MATCH (w)-[:HAS_TOPIC]->(t:Topic)
WITH w, t
WHERE t IS NOT NULL
RETURN DISTINCT 'HAS_TOPIC' AS kind, w.arxiv_id AS source, t.id AS target
