// The "open to collaborate" state of a researcher record: its approved claim's (unowned: no
// row).
// params: id
MATCH (r:Researcher {id: $id})
OPTIONAL MATCH (c:Claim)-[:CLAIMS]->(r)
WITH r, c
WHERE c.status = 'approved'
RETURN r.id AS researcher_id, coalesce(c.collab_open, false) AS open,
       coalesce(c.collab_note, '') AS note, c.collab_topics AS topics
