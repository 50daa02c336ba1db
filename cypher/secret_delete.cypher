// Use up a one-time secret (a verification or reset link).
// params: id
MATCH (t:AccountSecret {id: $id})
DELETE t
RETURN count(*) AS deleted
