// Every reply of an invitation thread, with the invitation it is linked to (null: none)
// (tests: account deletion, links).
// params: none
MATCH (x:InvitationReply)
OPTIONAL MATCH (x)-[:REPLY_TO]->(i:Invitation)
RETURN x.id AS id, x.invitation_id AS invitation_id, x.account_id AS account_id,
       i.id AS replies_to
ORDER BY id
