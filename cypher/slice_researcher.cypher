// One researcher (the centre of a graph slice) with how many works and co-authors they have
// (to tell whether the slice is truncated); no row if unknown.
// params: id
MATCH (r:Researcher {id: $id})
OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)
OPTIONAL MATCH (w)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r
RETURN r.id AS id, r.name AS name, count(DISTINCT w) AS works, count(DISTINCT c) AS coauthors
