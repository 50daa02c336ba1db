// A session and its account (null fields when anonymous or the account is gone).
// params: id
MATCH (s:Session {id: $id})
OPTIONAL MATCH (a:Account)
WHERE a.id = s.account_id
RETURN s.id AS id, s.account_id AS account_id, s.csrf AS csrf, s.created_at AS created_at,
       s.seen_at AS seen_at, a.id AS account, a.email AS email,
       a.display_name AS display_name, a.email_verified AS email_verified,
       a.is_admin AS is_admin, a.password_changed_at AS password_changed_at
