// A block: every invitation from the blocked account to the blocker reads "blocked" (to the
// blocker; "declined" to the sender), so no earlier thread takes replies.
// params: sender_id, recipient_id, now
MATCH (:Account {id: $sender_id})-[:SENT]->(i:Invitation)
      -[:SENT_TO]->(:Account {id: $recipient_id})
WHERE i.status <> 'blocked'
SET i.status = 'blocked', i.answered_at = $now
