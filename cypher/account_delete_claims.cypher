// Delete an account's claims (its records become unclaimed).
// params: account_id
MATCH (:Account {id: $account_id})-[:HOLDS]->(c:Claim)
DETACH DELETE c
