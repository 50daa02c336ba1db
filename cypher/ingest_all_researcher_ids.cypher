// Every researcher id (new ids must not reuse one).
// params: none
MATCH (r:Researcher)
RETURN r.id AS id
