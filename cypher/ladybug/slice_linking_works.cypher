// Personal works of the given researchers (co-authors) with their other authors not in
// $exclude: one row per (work, co-author, other author), for the second ring of a graph slice.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids, exclude
UNWIND $ids AS x
MATCH (c:Researcher {id: x})
OPTIONAL MATCH (c)-[:AUTHORED]->(w:Work)
WITH c, w
WHERE w IS NOT NULL AND NOT coalesce(w.team_work, false)
WITH DISTINCT c, w
OPTIONAL MATCH (w)<-[:AUTHORED]-(d:Researcher)
WITH c, w, d
WHERE d IS NOT NULL AND d <> c AND NOT d.id IN $exclude
RETURN DISTINCT w.arxiv_id AS work, w.title AS title, w.year AS year, w.published AS published,
       c.id AS coauthor, d.id AS researcher, d.name AS name
ORDER BY work, coauthor, researcher
