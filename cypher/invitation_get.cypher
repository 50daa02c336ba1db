// One invitation with both parties' accounts and records (no row if unknown).
// params: id
MATCH (i:Invitation {id: $id})
OPTIONAL MATCH (s:Account)
WHERE s.id = i.sender_id
OPTIONAL MATCH (t:Account)
WHERE t.id = i.recipient_id
OPTIONAL MATCH (sr:Researcher)
WHERE sr.id = i.sender_researcher
OPTIONAL MATCH (tr:Researcher)
WHERE tr.id = i.recipient_researcher
RETURN i.id AS id, i.sender_id AS sender_id, i.recipient_id AS recipient_id,
       i.sender_researcher AS sender_researcher, i.recipient_researcher AS recipient_researcher,
       i.subject AS subject, i.message AS message, i.works AS works, i.topics AS topics,
       i.status AS status, i.created_at AS created_at, i.answered_at AS answered_at,
       s.display_name AS sender_name, s.email AS sender_email,
       t.display_name AS recipient_name, t.email AS recipient_email,
       sr.name AS sender_researcher_name, tr.name AS recipient_researcher_name
