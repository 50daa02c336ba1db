// Topic lists: which works are in a topic now (rows of topic, id), with their dates.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it: a MATCH of the
// relationship after the look-ups is planned as a hash join with every relationship of the type
// (bench/RESULTS.md: the write path's scans).
// params: rows
UNWIND $rows AS row
MATCH (w:Work {arxiv_id: row.id})
MATCH (t:Topic {id: row.topic})
OPTIONAL MATCH (w)-[h:HAS_TOPIC]->(t)
WITH w, t, h
WHERE h IS NOT NULL
RETURN t.id AS topic, w.arxiv_id AS arxiv_id, w.published AS published
