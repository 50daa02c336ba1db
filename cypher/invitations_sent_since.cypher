// How many invitations the account sent after `since`, and the oldest of those.
// params: sender_id, since
MATCH (:Account {id: $sender_id})-[:SENT]->(i:Invitation)
WHERE i.created_at > $since
RETURN count(i) AS n, min(i.created_at) AS oldest
