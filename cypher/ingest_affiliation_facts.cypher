// Every (work year, institutions) a researcher's authorships carry, to aggregate affiliations.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[a:AUTHORED]->(w:Work)
RETURN r.id AS researcher, w.arxiv_id AS work, w.year AS year, a.institutions AS institutions
