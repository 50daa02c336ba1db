// The replies of a thread, oldest first.
// params: invitation_id, limit
MATCH (x:InvitationReply)
WHERE x.invitation_id = $invitation_id
RETURN x.id AS id, x.account_id AS account_id, x.text AS text, x.created_at AS created_at
ORDER BY created_at, id
LIMIT $limit
