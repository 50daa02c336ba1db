// Revoke one of an account's secrets by its public id (no row: not this account's).
// params: account_id, kind, public_id
MATCH (t:AccountSecret)
WHERE t.public_id = $public_id AND t.account_id = $account_id AND t.kind = $kind
DELETE t
RETURN $public_id AS public_id
