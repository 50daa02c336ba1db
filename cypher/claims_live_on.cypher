// The pending and approved claims on a researcher record, oldest first, with their accounts'
// names (walked from the record: the embedded engine would scan every claim for a property).
// params: id
MATCH (r:Researcher {id: $id})
OPTIONAL MATCH (c:Claim)-[:CLAIMS]->(r)
WITH r, c
WHERE c.status IN ['pending', 'approved']
OPTIONAL MATCH (a:Account)
WHERE a.id = c.account_id
RETURN c.id AS id, c.account_id AS account_id, r.id AS researcher_id,
       c.status AS status, c.created_at AS created_at, a.display_name AS display_name
ORDER BY created_at, id
