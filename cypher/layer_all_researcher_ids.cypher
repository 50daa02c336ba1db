// Layer rebuild: every researcher id.
// params: none
MATCH (r:Researcher)
RETURN r.id AS id
ORDER BY id
