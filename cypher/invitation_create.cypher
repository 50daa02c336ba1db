// A new pending invitation, linked to its sender and recipient (no row: either is gone).
// params: id, sender_id, recipient_id, sender_researcher, recipient_researcher, subject, message, works, topics, now
MATCH (s:Account {id: $sender_id})
MATCH (t:Account {id: $recipient_id})
CREATE (s)-[:SENT]->(i:Invitation {id: $id, sender_id: $sender_id, recipient_id: $recipient_id,
                                   sender_researcher: $sender_researcher,
                                   recipient_researcher: $recipient_researcher,
                                   subject: $subject, message: $message, works: $works,
                                   topics: $topics, status: 'pending', created_at: $now,
                                   answered_at: 0})-[:SENT_TO]->(t)
RETURN i.id AS id
