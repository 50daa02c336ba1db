// The "open to collaborate" state of these records: their approved claims' (unowned: no row).
// params: researcher_ids
MATCH (c:Claim)
WHERE c.researcher_id IN $researcher_ids AND c.status = 'approved'
RETURN c.researcher_id AS researcher_id, coalesce(c.collab_open, false) AS open,
       coalesce(c.collab_note, '') AS note, c.collab_topics AS topics
