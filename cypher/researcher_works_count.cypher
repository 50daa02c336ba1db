// How many works a researcher authored (no row if the researcher is unknown).
// params: id
MATCH (r:Researcher {id: $id})
OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)
RETURN r.id AS id, count(DISTINCT w) AS total
