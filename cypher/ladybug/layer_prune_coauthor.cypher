// Layer: drop co-author pairs whose shared works reached zero.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it: a MATCH of the
// relationship after the look-ups is planned as a hash join with every relationship of the type
// (bench/RESULTS.md: the write path's scans).
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.a})
MATCH (b:Researcher {id: row.b})
OPTIONAL MATCH (a)-[e:COAUTHOR]->(b)
WITH e
WHERE e IS NOT NULL AND e.works <= 0
DELETE e
