// A work's authors in order, with the institution ids given for this work.
// params: id
MATCH (r:Researcher)-[a:AUTHORED]->(w:Work {arxiv_id: $id})
RETURN r.id AS id, r.name AS name, a.position AS position, a.institutions AS institutions
ORDER BY position, id
