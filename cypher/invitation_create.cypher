// A new pending invitation.
// params: id, sender_id, recipient_id, sender_researcher, recipient_researcher, subject, message, works, topics, now
CREATE (:Invitation {id: $id, sender_id: $sender_id, recipient_id: $recipient_id,
                     sender_researcher: $sender_researcher,
                     recipient_researcher: $recipient_researcher, subject: $subject,
                     message: $message, works: $works, topics: $topics, status: 'pending',
                     created_at: $now, answered_at: 0})
