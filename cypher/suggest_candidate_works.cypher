// Suggested collaborators, evidence: every work of each candidate (the service keeps the newest).
// Ladybug: the candidates by `id IN $ids`, not UNWIND then {id: cid}, which it plans as hash
// joins over every work (4 ms against 100 ms for 10 candidates at 100,000 works).
// params: ids
MATCH (c:Researcher)-[:AUTHORED]->(w:Work)
WHERE c.id IN $ids
RETURN DISTINCT c.id AS candidate, w.arxiv_id AS arxiv_id, w.title AS title, w.year AS year,
       w.published AS published
ORDER BY candidate, arxiv_id
