// Store a secret given to an account (its id is the SHA-256 of its value).
// params: id, public_id, account_id, kind, label, now, expires_at
CREATE (t:AccountSecret {id: $id, public_id: $public_id, account_id: $account_id, kind: $kind,
                         name: $label, created_at: $now, expires_at: $expires_at,
                         last_used_at: 0})
RETURN t.public_id AS public_id
