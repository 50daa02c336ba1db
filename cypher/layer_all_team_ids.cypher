// Layer rebuild: every team id.
// params: none
MATCH (t:Team)
RETURN t.id AS id
ORDER BY id
