// Every invitation (tests: account deletion).
// params: none
MATCH (i:Invitation)
RETURN i.id AS id, i.sender_id AS sender_id, i.recipient_id AS recipient_id, i.status AS status
ORDER BY id
