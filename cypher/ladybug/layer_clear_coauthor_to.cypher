// Layer: drop the co-author pairs stored towards these researchers (before a recompute).
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it: a MATCH of the
// relationship after the look-ups is planned as a hash join with every relationship of the type
// (bench/RESULTS.md: the write path's scans).
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
OPTIONAL MATCH (r)<-[e:COAUTHOR]-(:Researcher)
WITH e
WHERE e IS NOT NULL
DELETE e
