// Invitations from one account to another: the latest's time and how many were refused
// (declined or blocked).
// params: sender_id, recipient_id
MATCH (i:Invitation)
WHERE i.sender_id = $sender_id AND i.recipient_id = $recipient_id
RETURN max(i.created_at) AS last,
       sum(CASE WHEN i.status IN ['declined', 'blocked'] THEN 1 ELSE 0 END) AS refused
