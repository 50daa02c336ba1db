// Every claim with what the verification level and the "open to collaborate" state read, and
// the record and the account it is linked to (null: none).
// params: none
MATCH (c:Claim)
OPTIONAL MATCH (c)-[:CLAIMS]->(r:Researcher)
OPTIONAL MATCH (a:Account)-[:HOLDS]->(c)
RETURN c.id AS id, c.account_id AS account_id, c.researcher_id AS researcher_id,
       r.id AS linked_to, a.id AS held_by, c.status AS status, c.orcid_check AS orcid_check,
       coalesce(c.collab_open, false) AS collab_open, coalesce(c.collab_note, '') AS collab_note,
       c.collab_topics AS collab_topics
ORDER BY id
