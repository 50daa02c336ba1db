// A reply in an invitation's thread, linked to the invitation (no row: it is gone).
// params: id, invitation_id, account_id, text, now
MATCH (i:Invitation {id: $invitation_id})
CREATE (x:InvitationReply {id: $id, invitation_id: $invitation_id, account_id: $account_id,
                           text: $text, created_at: $now})-[:REPLY_TO]->(i)
RETURN x.id AS id
