// The AUTHORED and HAS_TOPIC relationships of some of a researcher's own works, as (kind,
// source id, target id): `slice_work_edges` reached from the researcher. Two MATCH clauses, so
// that the researcher's own AUTHORED relationship is returned too (one Neo4j pattern never
// uses a relationship twice).
// params: id, ids
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
WHERE w.arxiv_id IN $ids
WITH DISTINCT w
MATCH (a:Researcher)-[:AUTHORED]->(w)
RETURN DISTINCT 'AUTHORED' AS kind, a.id AS source, w.arxiv_id AS target
UNION ALL
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
WHERE w.arxiv_id IN $ids
WITH DISTINCT w
MATCH (w)-[:HAS_TOPIC]->(t:Topic)
RETURN DISTINCT 'HAS_TOPIC' AS kind, w.arxiv_id AS source, t.id AS target
