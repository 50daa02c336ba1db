// Replace an account's password hash (after a reset, a change or a rehash).
// params: id, password_hash, now
MATCH (a:Account {id: $id})
SET a.password_hash = $password_hash, a.password_changed_at = $now
RETURN a.id AS id
