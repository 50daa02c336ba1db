// The account's approved claim (the record it owns) with its "open to collaborate" state.
// params: account_id
MATCH (:Account {id: $account_id})-[:HOLDS]->(c:Claim)
WHERE c.status = 'approved'
RETURN c.id AS claim_id, c.researcher_id AS researcher_id,
       coalesce(c.collab_open, false) AS open, coalesce(c.collab_note, '') AS note,
       c.collab_topics AS topics, coalesce(c.collab_updated_at, 0) AS updated_at
