// Layer: drop the co-author pairs stored towards these researchers (before a recompute).
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})<-[e:COAUTHOR]-(:Researcher)
DELETE e
