// The teams of a researcher: how many of their works name each, and each team's size (layer).
// params: id
MATCH (r:Researcher {id: $id})-[m:MEMBER_OF]->(t:Team)
RETURN t.id AS id, t.name AS name, m.works AS shared_works, t.members AS size,
       t.works AS works
ORDER BY shared_works DESC, id
