// Every merged researcher id and where it went.
// params: none
MATCH (m:MergedId)
RETURN m.id AS id, m.into AS into
ORDER BY id
