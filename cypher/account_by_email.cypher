// The account with this (normalised) email, if any.
// params: email_key
MATCH (a:Account {email_key: $email_key})
RETURN a.id AS id, a.email AS email, a.email_key AS email_key, a.display_name AS display_name,
       a.password_hash AS password_hash, a.email_verified AS email_verified,
       a.is_admin AS is_admin, a.created_at AS created_at,
       a.password_changed_at AS password_changed_at
