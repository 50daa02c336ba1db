// Serialise decisions about one researcher record (who owns it): a write lock on its node,
// held until the transaction ends (as lock_account).
// params: researcher_id
MATCH (r:Researcher {id: $researcher_id})
SET r.lock_ = true
REMOVE r.lock_
RETURN count(r) AS locked
