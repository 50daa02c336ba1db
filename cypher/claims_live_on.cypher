// The pending and approved claims on these researcher records, with their accounts' names.
// params: researcher_ids
MATCH (c:Claim)
WHERE c.researcher_id IN $researcher_ids AND c.status IN ['pending', 'approved']
OPTIONAL MATCH (a:Account)
WHERE a.id = c.account_id
RETURN c.id AS id, c.account_id AS account_id, c.researcher_id AS researcher_id,
       c.status AS status, c.created_at AS created_at, a.display_name AS display_name
ORDER BY c.created_at, c.id
