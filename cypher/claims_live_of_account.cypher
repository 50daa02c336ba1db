// An account's pending and approved claims (at most one, by the one-record rule).
// params: account_id
MATCH (c:Claim)
WHERE c.account_id = $account_id AND c.status IN ['pending', 'approved']
RETURN c.id AS id, c.researcher_id AS researcher_id, c.status AS status
ORDER BY c.created_at, c.id
