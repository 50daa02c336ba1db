// Every throttle key with its attempt times.
// params: none
MATCH (a:Attempts)
RETURN a.key AS key, a.times AS times, a.seen_at AS seen_at
ORDER BY key
