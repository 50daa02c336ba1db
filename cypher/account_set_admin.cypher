// Make an account an administrator or not (`graphsvc admin grant`).
// params: email_key, is_admin
MATCH (a:Account {email_key: $email_key})
SET a.is_admin = $is_admin
RETURN a.id AS id
