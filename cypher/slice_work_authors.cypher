// The AUTHORED relationships of the given works.
// params: ids
UNWIND $ids AS wid
MATCH (a:Researcher)-[:AUTHORED]->(w:Work {arxiv_id: wid})
RETURN DISTINCT a.id AS researcher, w.arxiv_id AS work
ORDER BY work, researcher
