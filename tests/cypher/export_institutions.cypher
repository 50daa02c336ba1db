// Every institution.
// params: none
MATCH (i:Institution)
RETURN i.id AS id, i.name AS name
ORDER BY id
