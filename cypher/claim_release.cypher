// The account gives up its pending or approved claim (no row back: not its own, or not live).
// params: id, account_id
MATCH (c:Claim {id: $id})
WHERE c.account_id = $account_id AND c.status IN ['pending', 'approved']
SET c.status = 'released'
RETURN c.id AS id
