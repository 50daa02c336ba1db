// The AUTHORED and HAS_TOPIC relationships of the given works, as (kind, source id, target id).
// params: ids
MATCH (a:Researcher)-[:AUTHORED]->(w:Work)
WHERE w.arxiv_id IN $ids
RETURN DISTINCT 'AUTHORED' AS kind, a.id AS source, w.arxiv_id AS target
UNION ALL
MATCH (w:Work)-[:HAS_TOPIC]->(t:Topic)
WHERE w.arxiv_id IN $ids
RETURN DISTINCT 'HAS_TOPIC' AS kind, w.arxiv_id AS source, t.id AS target
