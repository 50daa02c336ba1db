// A secret by the SHA-256 of its value, with its account.
// params: id
MATCH (t:AccountSecret {id: $id})
MATCH (a:Account)
WHERE a.id = t.account_id
RETURN t.public_id AS public_id, t.kind AS kind, t.name AS name, t.created_at AS created_at,
       t.expires_at AS expires_at, t.last_used_at AS last_used_at, a.id AS account_id,
       a.email AS email, a.display_name AS display_name, a.email_verified AS email_verified,
       a.is_admin AS is_admin
