// Every team with its counts.
// params: none
MATCH (t:Team)
RETURN t.id AS id, t.name AS name, t.aliases AS aliases, t.works AS works, t.members AS members
ORDER BY id
