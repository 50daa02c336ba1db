// Drop sessions idle since before `idle_before` or created before `created_before`.
// params: idle_before, created_before
MATCH (s:Session)
WHERE s.seen_at < $idle_before OR s.created_at < $created_before
DELETE s
