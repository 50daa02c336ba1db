// Researchers open to collaborate in a topic: those who chose it first, then by their works in
// it (layer), then name and id. A researcher counts when they chose it or have works in it.
// params: topic, limit
MATCH (c:Claim)-[:CLAIMS]->(r:Researcher)
WHERE c.status = 'approved' AND c.collab_open = true
OPTIONAL MATCH (r)-[w:WORKS_IN]->(t:Topic {id: $topic})
WITH r, c, coalesce(w.works, 0) AS works,
     CASE WHEN $topic IN c.collab_topics THEN 1 ELSE 0 END AS chosen
WHERE chosen = 1 OR works > 0
RETURN r.id AS id, r.name AS name, works, chosen = 1 AS chosen,
       coalesce(c.collab_note, '') AS note, c.collab_topics AS topics
ORDER BY chosen DESC, works DESC, name, id
LIMIT $limit
