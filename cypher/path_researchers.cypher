// The researchers among the given ids (unknown ids give no row), for paths.
// params: ids
UNWIND $ids AS rid
MATCH (r:Researcher {id: rid})
RETURN DISTINCT r.id AS id, r.name AS name
ORDER BY id
