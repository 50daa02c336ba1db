// Record a session's last use (its idle expiry counts from here).
// params: id, now
MATCH (s:Session {id: $id})
SET s.seen_at = $now
