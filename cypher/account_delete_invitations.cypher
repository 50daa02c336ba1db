// Delete the invitations the account sent or received (their replies first).
// params: account_id
MATCH (:Account {id: $account_id})-[:SENT|SENT_TO]-(i:Invitation)
DETACH DELETE i
