// Tests only: every stored session and account-secret key, and every account property value
// that could hold a secret, to show no secret is stored as given.
// params: none
MATCH (s:Session)
RETURN 'session' AS kind, s.id AS key
UNION ALL
MATCH (t:AccountSecret)
RETURN t.kind AS kind, t.id AS key
