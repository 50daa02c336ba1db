// Which of these researcher ids already exist.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN r.id AS id
