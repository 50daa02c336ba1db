// An account's pending and approved claims (at most one, by the one-record rule).
// params: account_id
MATCH (:Account {id: $account_id})-[:HOLDS]->(c:Claim)
WHERE c.status IN ['pending', 'approved']
RETURN c.id AS id, c.researcher_id AS researcher_id, c.status AS status
ORDER BY c.created_at, c.id
