// Delete an account's claims (its records become unclaimed).
// params: account_id
MATCH (c:Claim)
WHERE c.account_id = $account_id
DETACH DELETE c
