// These researchers with their personal works in a topic (for the top researchers).
// params: id, ids
MATCH (t:Topic {id: $id})
UNWIND $ids AS rid
MATCH (r:Researcher {id: rid})-[x:WORKS_IN]->(t)
RETURN r.id AS id, r.name AS name, x.personal AS works
ORDER BY works DESC, name, id
