// The arXiv ids of a researcher's works.
// params: id
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
RETURN w.arxiv_id AS work
ORDER BY work
