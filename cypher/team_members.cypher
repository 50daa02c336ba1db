// A team's members with the most works naming it (ties by name, then id).
// params: id, limit
MATCH (t:Team {id: $id})<-[m:MEMBER_OF]-(r:Researcher)
RETURN r.id AS id, r.name AS name, m.works AS works
ORDER BY works DESC, name, id
LIMIT $limit
