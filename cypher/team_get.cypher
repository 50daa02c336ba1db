// One team with its spellings and counts (no row if unknown).
// params: id
MATCH (t:Team {id: $id})
RETURN t.id AS id, t.name AS name, t.aliases AS aliases, coalesce(t.works, 0) AS works,
       coalesce(t.members, 0) AS members
