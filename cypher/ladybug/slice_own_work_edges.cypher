// The AUTHORED and HAS_TOPIC relationships of some of a researcher's own works, as (kind,
// source id, target id): `slice_work_edges` reached from the researcher.
// Ladybug: one pattern from the researcher, the works filtered before their authors are read
// (a look-up per id, as `slice_work_edges` does, cost 3 times more: 2.4 against 0.8 ms for
// the slices of the load mix). Ladybug's pattern may use a relationship twice, so the
// researcher's own AUTHORED relationship is among the answers.
// params: id, ids
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(a:Researcher)
WHERE w.arxiv_id IN $ids
RETURN DISTINCT 'AUTHORED' AS kind, a.id AS source, w.arxiv_id AS target
UNION ALL
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)-[:HAS_TOPIC]->(t:Topic)
WHERE w.arxiv_id IN $ids
RETURN DISTINCT 'HAS_TOPIC' AS kind, w.arxiv_id AS source, t.id AS target
