// Delete an account's links and tokens of some kinds.
// params: account_id, kinds
MATCH (t:AccountSecret)
WHERE t.account_id = $account_id AND t.kind IN $kinds
DELETE t
