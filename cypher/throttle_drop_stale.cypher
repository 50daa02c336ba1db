// Drop the throttle keys no attempt touched since `before` (their windows are over).
// params: before
MATCH (a:Attempts)
WHERE a.seen_at < $before
DELETE a
