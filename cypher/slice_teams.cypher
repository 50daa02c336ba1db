// The teams of a researcher for a graph slice: shared works and size (layer).
// params: id, limit
// ladybug: LIMIT $limit applied by the backend
MATCH (r:Researcher {id: $id})-[m:MEMBER_OF]->(t:Team)
RETURN t.id AS team, t.name AS name, m.works AS works, t.members AS size
ORDER BY works DESC, team
LIMIT $limit
