// Sign an account out everywhere.
// params: account_id
MATCH (s:Session)
WHERE s.account_id = $account_id
DELETE s
