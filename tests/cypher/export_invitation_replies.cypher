// Every reply of an invitation thread (tests: account deletion).
// params: none
MATCH (x:InvitationReply)
RETURN x.id AS id, x.invitation_id AS invitation_id, x.account_id AS account_id
ORDER BY id
