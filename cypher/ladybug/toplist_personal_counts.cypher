// Topic lists: the personal works of researchers in topics (rows of topic, id; absent: none).
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it: a MATCH of the
// relationship after the look-ups is planned as a hash join with every relationship of the type
// (bench/RESULTS.md: the write path's scans).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.id})
MATCH (t:Topic {id: row.topic})
OPTIONAL MATCH (r)-[x:WORKS_IN]->(t)
WITH r, t, x
WHERE x IS NOT NULL
RETURN t.id AS topic, r.id AS researcher, x.personal AS personal
