// The invitations the account sent, newest first, with the other party.
// params: account_id, limit
MATCH (:Account {id: $account_id})-[:SENT]->(i:Invitation)
OPTIONAL MATCH (a:Account)
WHERE a.id = i.recipient_id
OPTIONAL MATCH (r:Researcher)
WHERE r.id = i.recipient_researcher
RETURN i.id AS id, i.subject AS subject, i.status AS status, i.created_at AS created_at,
       i.answered_at AS answered_at, a.display_name AS other_name,
       i.recipient_researcher AS other_researcher, r.name AS other_researcher_name
ORDER BY created_at DESC, id DESC
LIMIT $limit
