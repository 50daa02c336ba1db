// Suggested collaborators, evidence: every work of each candidate (the service keeps the newest).
// params: ids
UNWIND $ids AS cid
MATCH (c:Researcher {id: cid})-[:AUTHORED]->(w:Work)
RETURN DISTINCT cid AS candidate, w.arxiv_id AS arxiv_id, w.title AS title, w.year AS year,
       w.published AS published
ORDER BY candidate, arxiv_id
