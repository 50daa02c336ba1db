// An account's secrets of one kind (never their values), newest first.
// params: account_id, kind
MATCH (t:AccountSecret)
WHERE t.account_id = $account_id AND t.kind = $kind
RETURN t.public_id AS public_id, t.name AS name, t.created_at AS created_at,
       t.expires_at AS expires_at, t.last_used_at AS last_used_at
ORDER BY t.created_at DESC, t.public_id
