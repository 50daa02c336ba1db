// The (work year, institutions) of a researcher's authorships that name institutions.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[a:AUTHORED]->(w:Work)
WHERE size(a.institutions) > 0
RETURN r.id AS researcher, w.arxiv_id AS work, w.year AS year, a.institutions AS institutions
