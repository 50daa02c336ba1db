// Delete the invitations the account sent or received (their replies first).
// params: account_id
MATCH (i:Invitation)
WHERE i.sender_id = $account_id OR i.recipient_id = $account_id
DELETE i
