// Every researcher id in use or once used (new ids must not reuse one).
// params: none
MATCH (r:Researcher)
RETURN r.id AS id
UNION ALL
MATCH (m:MergedId)
RETURN m.id AS id
