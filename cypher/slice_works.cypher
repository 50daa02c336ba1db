// A researcher's works with their authors: one row per (work, author), the researcher included.
// params: id
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
WITH DISTINCT w
MATCH (a:Researcher)-[:AUTHORED]->(w)
RETURN DISTINCT w.arxiv_id AS work, w.title AS title, w.year AS year, w.published AS published,
       a.id AS researcher, a.name AS name
ORDER BY work, researcher
