// How many invitations the account sent after `since`, and the oldest of those.
// params: sender_id, since
MATCH (i:Invitation)
WHERE i.sender_id = $sender_id AND i.created_at > $since
RETURN count(i) AS n, min(i.created_at) AS oldest
