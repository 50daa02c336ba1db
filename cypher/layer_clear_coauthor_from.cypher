// Layer: drop the co-author pairs stored from these researchers (before a recompute; pairs
// point from the smaller id, and Ladybug deletes directed relationships only).
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[e:COAUTHOR]->(:Researcher)
DELETE e
