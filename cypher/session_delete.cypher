// End one session.
// params: id
MATCH (s:Session {id: $id})
DELETE s
