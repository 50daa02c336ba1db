// Suggested collaborators, evidence: every work of each candidate (the service keeps the newest).
// Ladybug: the candidates by `id IN $ids`, not UNWIND then {id: cid}, which it plans as hash
// joins over every work (4 ms against 100 ms for 10 candidates at 100,000 works).
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS x
MATCH (c:Researcher {id: x})
OPTIONAL MATCH (c)-[:AUTHORED]->(w:Work)
WITH c, w
WHERE w IS NOT NULL
RETURN DISTINCT c.id AS candidate, w.arxiv_id AS arxiv_id, w.title AS title, w.year AS year,
       w.published AS published
ORDER BY candidate, arxiv_id
