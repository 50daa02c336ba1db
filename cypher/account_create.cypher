// Create an account unless one has this email (no row back: the email is taken).
// params: id, email, email_key, display_name, password_hash, now
OPTIONAL MATCH (taken:Account {email_key: $email_key})
WITH taken
WHERE taken IS NULL
CREATE (a:Account {id: $id, email: $email, email_key: $email_key, display_name: $display_name,
                   password_hash: $password_hash, email_verified: false, is_admin: false,
                   created_at: $now, password_changed_at: $now})
RETURN a.id AS id
