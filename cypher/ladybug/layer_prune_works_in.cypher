// Layer: drop researcher-topic counts that reached zero.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it: a MATCH of the
// relationship after the look-ups is planned as a hash join with every relationship of the type
// (bench/RESULTS.md: the write path's scans).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (t:Topic {id: row.topic})
OPTIONAL MATCH (r)-[x:WORKS_IN]->(t)
WITH x
WHERE x IS NOT NULL AND x.works <= 0
DELETE x
