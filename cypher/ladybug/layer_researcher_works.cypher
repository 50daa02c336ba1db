// Layer: each work of these researchers with what it contributes (team work or not, number of
// authors, topics, teams).
// (Ladybug 0.22 needs the UNWIND variable carried through each WITH that aggregates.)
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it: a MATCH of the
// relationship after the look-ups is planned as a hash join with every relationship of the type
// (bench/RESULTS.md: the write path's scans).
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)
WITH id, r, w
WHERE w IS NOT NULL
OPTIONAL MATCH (w)-[:HAS_TOPIC]->(t:Topic)
WITH id, r, w, collect(t.id) AS topics
OPTIONAL MATCH (w)-[:BY_TEAM]->(m:Team)
WITH id, r, w, topics, collect(m.id) AS teams
RETURN r.id AS id, w.arxiv_id AS work, coalesce(w.team_work, false) AS team_work,
       w.authors_count AS authors, topics, teams
