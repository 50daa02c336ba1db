// Mark an account's email as verified.
// params: id
MATCH (a:Account {id: $id})
SET a.email_verified = true
RETURN a.id AS id
