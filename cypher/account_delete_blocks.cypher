// Delete the blocks the account made or is under.
// params: account_id
MATCH (b:InvitationBlock)
WHERE b.blocker_id = $account_id OR b.blocked_id = $account_id
DELETE b
