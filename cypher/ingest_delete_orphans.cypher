// Delete researchers left with no work after a newer version replaced an author list.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
WHERE COUNT { MATCH (r)-[:AUTHORED]->(:Work) } = 0
DETACH DELETE r
