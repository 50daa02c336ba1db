// Suggested collaborators, evidence: the 3 newest works of each candidate (newest by year, then
// publication date, undated last, then arXiv id, descending: the service's order, which it
// applies again). Neo4j: limited here, not in the service: every work of every candidate was
// 300 to 500 rows and 25 to 30 ms at 1,000,000 works, most of a median researcher's answer.
// params: ids
UNWIND $ids AS cid
MATCH (c:Researcher {id: cid})
CALL (c) {
  MATCH (c)-[:AUTHORED]->(w:Work)
  WITH DISTINCT w
  ORDER BY coalesce(w.year, 0) DESC, w.published IS NULL, w.published DESC, w.arxiv_id DESC
  LIMIT 3
  RETURN w
}
RETURN cid AS candidate, w.arxiv_id AS arxiv_id, w.title AS title, w.year AS year,
       w.published AS published
ORDER BY candidate, arxiv_id
