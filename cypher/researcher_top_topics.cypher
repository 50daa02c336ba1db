// The topics of a researcher's works, by number of works (layer).
// params: id, limit
// ladybug: LIMIT $limit applied by the backend
MATCH (r:Researcher {id: $id})-[x:WORKS_IN]->(t:Topic)
RETURN t.id AS id, t.name AS name, x.works AS works
ORDER BY works DESC, id
LIMIT $limit
