// Serialise decisions about one account (its claims, the invitations it sends): a write lock on
// the account's node, held until the transaction ends, so a second transaction deciding about
// the same account waits and then reads what the first wrote. Neo4j locks a node when a
// property is set; the property set and removed here leaves nothing behind.
// params: account_id
MATCH (a:Account {id: $account_id})
SET a.lock_ = true
REMOVE a.lock_
RETURN count(a) AS locked
