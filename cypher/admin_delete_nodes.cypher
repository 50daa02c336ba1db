// Delete up to $limit nodes, which no longer have relationships (`graphsvc reset`, after
// admin_delete_relationships found none left; one batch per transaction).
// params: limit
MATCH (n)
WITH n LIMIT $limit
DELETE n
RETURN count(*) AS deleted
