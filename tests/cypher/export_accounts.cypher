// Every account's id and email check (nothing secret), for the trust oracle.
// params: none
MATCH (a:Account)
RETURN a.id AS id, a.email_verified AS email_verified, a.display_name AS display_name
ORDER BY id
