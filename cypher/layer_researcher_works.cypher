// Layer: each work of these researchers with what it contributes (team work or not, number of
// authors, topics, teams).
// (Ladybug 0.22 needs the UNWIND variable carried through each WITH that aggregates.)
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[:AUTHORED]->(w:Work)
OPTIONAL MATCH (w)-[:HAS_TOPIC]->(t:Topic)
WITH id, r, w, collect(t.id) AS topics
OPTIONAL MATCH (w)-[:BY_TEAM]->(m:Team)
WITH id, r, w, topics, collect(m.id) AS teams
RETURN r.id AS id, w.arxiv_id AS work, coalesce(w.team_work, false) AS team_work,
       w.authors_count AS authors, topics, teams
