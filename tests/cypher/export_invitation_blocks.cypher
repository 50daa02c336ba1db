// Every block between accounts (tests: account deletion).
// params: none
MATCH (b:InvitationBlock)
RETURN b.id AS id, b.blocker_id AS blocker_id, b.blocked_id AS blocked_id
ORDER BY id
