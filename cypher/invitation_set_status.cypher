// Answer an invitation: its status moves from one of `from_statuses` (no row otherwise).
// params: id, from_statuses, status, now
MATCH (i:Invitation {id: $id})
WHERE i.status IN $from_statuses
SET i.status = $status, i.answered_at = $now
RETURN i.id AS id
