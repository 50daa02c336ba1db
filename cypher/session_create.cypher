// A new session (its id is the SHA-256 of the cookie's value); `account_id` '' when anonymous.
// params: id, account_id, csrf, now
CREATE (s:Session {id: $id, account_id: $account_id, csrf: $csrf, created_at: $now,
                   seen_at: $now})
RETURN s.id AS id
