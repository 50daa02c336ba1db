// Every authorship.
// params: none
MATCH (r:Researcher)-[a:AUTHORED]->(w:Work)
RETURN r.id AS researcher, w.arxiv_id AS work, a.position AS position,
       a.institutions AS institutions
ORDER BY work, position, researcher
