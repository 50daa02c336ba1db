// `blocker_id` blocks `blocked_id` (idempotent).
// params: id, blocker_id, blocked_id, now
MERGE (b:InvitationBlock {id: $id})
ON CREATE SET b.blocker_id = $blocker_id, b.blocked_id = $blocked_id, b.created_at = $now
