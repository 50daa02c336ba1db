// Delete researchers left with no work after a newer version replaced an author list; returns
// the names of those deleted.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
WHERE COUNT { MATCH (r)-[:AUTHORED]->(:Work) } = 0
WITH r, r.name AS name
DETACH DELETE r
RETURN name
