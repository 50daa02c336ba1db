// Topic lists: which works are in a topic now (rows of topic, id), with their dates.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it: a MATCH of the
// relationship after the look-ups is planned as a hash join with every relationship of the type
// (bench/RESULTS.md: the write path's scans).
// One row with a list, the shape of the shared version (for Neo4j's driver, which takes about
// 36 us a row; the embedded engine gains nothing: bench/RESULTS.md, "The write path's last row
// reads as one list").
// params: rows
UNWIND $rows AS row
MATCH (w:Work {arxiv_id: row.id})
MATCH (t:Topic {id: row.topic})
OPTIONAL MATCH (w)-[h:HAS_TOPIC]->(t)
WITH w, t, h
WHERE h IS NOT NULL
RETURN collect({topic: t.id, arxiv_id: w.arxiv_id, published: w.published}) AS rows
