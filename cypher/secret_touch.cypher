// Record a token's last use.
// params: id, now
MATCH (t:AccountSecret {id: $id})
SET t.last_used_at = $now
