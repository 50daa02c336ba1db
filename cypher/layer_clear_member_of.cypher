// Layer: drop researchers' team counts (before a recompute).
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[m:MEMBER_OF]->(:Team)
DELETE m
