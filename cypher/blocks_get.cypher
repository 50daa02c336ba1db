// The blocks among these ids ("blocker_id:blocked_id").
// params: ids
MATCH (b:InvitationBlock)
WHERE b.id IN $ids
RETURN b.blocker_id AS blocker_id, b.blocked_id AS blocked_id
