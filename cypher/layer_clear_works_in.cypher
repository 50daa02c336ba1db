// Layer: drop researchers' topic counts (before a recompute).
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[x:WORKS_IN]->(:Topic)
DELETE x
