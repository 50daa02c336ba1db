// Take each throttle key's node (created when new) and its attempt times, for a write that
// follows in the same transaction. The SET takes the node's write lock before its times are
// read, so attempts from several serving processes count one after another (Neo4j's pattern
// against lost updates; the embedded engine has one writer at a time anyway).
// Keys are digests (graphsvc.services.throttle): no email or address is stored.
// params: keys, now
UNWIND $keys AS key
MERGE (a:Attempts {key: key})
SET a.seen_at = $now
RETURN a.key AS key, a.times AS times
