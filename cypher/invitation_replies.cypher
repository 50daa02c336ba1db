// The replies of a thread, oldest first.
// params: invitation_id, limit
MATCH (:Invitation {id: $invitation_id})<-[:REPLY_TO]-(x:InvitationReply)
RETURN x.id AS id, x.account_id AS account_id, x.text AS text, x.created_at AS created_at
ORDER BY created_at, id
LIMIT $limit
