// A block: every invitation from the blocked account to the blocker reads "blocked" (to the
// blocker; "declined" to the sender), so no earlier thread takes replies.
// params: sender_id, recipient_id, now
MATCH (i:Invitation)
WHERE i.sender_id = $sender_id AND i.recipient_id = $recipient_id AND i.status <> 'blocked'
SET i.status = 'blocked', i.answered_at = $now
