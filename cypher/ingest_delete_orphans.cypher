// Delete researchers left with no work after a newer version replaced an author list, unless
// a pending or approved claim is on them (README: Claims); returns the ids and names of those
// deleted.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
WHERE COUNT { MATCH (r)-[:AUTHORED]->(:Work) } = 0
  AND COUNT { MATCH (c:Claim)-[:CLAIMS]->(r) WHERE c.status IN ['pending', 'approved'] } = 0
WITH r, r.id AS gone, r.name AS name
DETACH DELETE r
RETURN gone AS id, name
