// One researcher's id and name (the centre of a graph slice); no row if unknown.
// params: id
MATCH (r:Researcher {id: $id})
RETURN r.id AS id, r.name AS name
