// Set the "open to collaborate" state on the account's approved claim (no row: not approved).
// params: claim_id, account_id, open, note, topics, now
MATCH (c:Claim {id: $claim_id})
WHERE c.account_id = $account_id AND c.status = 'approved'
SET c.collab_open = $open, c.collab_note = $note, c.collab_topics = $topics,
    c.collab_updated_at = $now
RETURN c.id AS id
