// Approve or reject a pending claim (no row back: not pending any more).
// params: id, status, review_note, now
MATCH (c:Claim {id: $id})
WHERE c.status = 'pending'
SET c.status = $status, c.review_note = $review_note, c.reviewed_at = $now
RETURN c.id AS id
