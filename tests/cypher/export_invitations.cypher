// Every invitation, with the accounts it is linked to (null: none) (tests: account deletion,
// links).
// params: none
MATCH (i:Invitation)
OPTIONAL MATCH (s:Account)-[:SENT]->(i)
OPTIONAL MATCH (i)-[:SENT_TO]->(t:Account)
RETURN i.id AS id, i.sender_id AS sender_id, i.recipient_id AS recipient_id, i.status AS status,
       s.id AS sent_by, t.id AS sent_to
ORDER BY id
