// One account by id.
// params: id
MATCH (a:Account {id: $id})
RETURN a.id AS id, a.email AS email, a.email_key AS email_key, a.display_name AS display_name,
       a.password_hash AS password_hash, a.email_verified AS email_verified,
       a.is_admin AS is_admin, a.created_at AS created_at,
       a.password_changed_at AS password_changed_at
