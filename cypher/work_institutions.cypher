// The names of the given institutions.
// params: ids
UNWIND $ids AS iid
MATCH (i:Institution {id: iid})
RETURN i.id AS id, i.name AS name
ORDER BY id
