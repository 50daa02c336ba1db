// How many works a researcher authored (layer; no row if the researcher is unknown).
// params: id
MATCH (r:Researcher {id: $id})
RETURN r.id AS id, r.works_count AS total
