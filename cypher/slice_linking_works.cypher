// Personal works of the given researchers (co-authors) with their other authors not in
// $exclude: one row per (work, co-author, other author), for the second ring of a graph slice.
// params: ids, exclude
MATCH (c:Researcher)-[:AUTHORED]->(w:Work)
WHERE c.id IN $ids AND NOT coalesce(w.team_work, false)
WITH DISTINCT c, w
MATCH (w)<-[:AUTHORED]-(d:Researcher)
WHERE d <> c AND NOT d.id IN $exclude
RETURN DISTINCT w.arxiv_id AS work, w.title AS title, w.year AS year, w.published AS published,
       c.id AS coauthor, d.id AS researcher, d.name AS name
ORDER BY work, coauthor, researcher
