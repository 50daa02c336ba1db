// The pending and approved claims on these researcher records, oldest first, with their
// accounts' names: one read for a page of records (the review queue); claims_live_on reads one.
// params: ids
UNWIND $ids AS rid
MATCH (r:Researcher {id: rid})
OPTIONAL MATCH (r)<-[:CLAIMS]-(c:Claim)
WITH r, c
WHERE c.status IN ['pending', 'approved']
OPTIONAL MATCH (a:Account)
WHERE a.id = c.account_id
RETURN c.id AS id, c.account_id AS account_id, r.id AS researcher_id,
       c.status AS status, c.created_at AS created_at, a.display_name AS display_name
ORDER BY created_at, id
