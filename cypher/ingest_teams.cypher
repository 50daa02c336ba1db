// These teams as stored (absent ones are not returned).
// params: ids
UNWIND $ids AS id
MATCH (t:Team {id: id})
RETURN t.id AS id, t.name AS name, t.aliases AS aliases
