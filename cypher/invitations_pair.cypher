// Invitations from one account to another: the latest's time and how many were refused
// (declined or blocked).
// params: sender_id, recipient_id
MATCH (:Account {id: $sender_id})-[:SENT]->(i:Invitation)
      -[:SENT_TO]->(:Account {id: $recipient_id})
RETURN max(i.created_at) AS last,
       sum(CASE WHEN i.status IN ['declined', 'blocked'] THEN 1 ELSE 0 END) AS refused
