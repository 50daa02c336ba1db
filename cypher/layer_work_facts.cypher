// Layer: what each of these works contributes: authors, topics, teams, team work or not.
// (Ladybug 0.22 needs the UNWIND variable carried through each WITH that aggregates.)
// params: ids
UNWIND $ids AS id
MATCH (w:Work {arxiv_id: id})
OPTIONAL MATCH (w)-[:HAS_TOPIC]->(t:Topic)
WITH id, w, collect(t.id) AS topics
OPTIONAL MATCH (w)-[:BY_TEAM]->(m:Team)
WITH id, w, topics, collect(m.id) AS teams
OPTIONAL MATCH (w)<-[:AUTHORED]-(r:Researcher)
WITH id, w, topics, teams, collect(r.id) AS authors
RETURN w.arxiv_id AS arxiv_id, coalesce(w.team_work, false) AS team_work,
       w.published AS published, topics, teams, authors
