// Delete the replies in every thread the account is a party of.
// params: account_id
MATCH (i:Invitation)
WHERE i.sender_id = $account_id OR i.recipient_id = $account_id
MATCH (x:InvitationReply)
WHERE x.invitation_id = i.id
DELETE x
