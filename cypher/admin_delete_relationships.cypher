// Delete up to $limit relationships of any type (`graphsvc reset`: one batch per transaction,
// so that emptying a large graph never holds the whole delete in one transaction's memory).
// params: limit
MATCH ()-[r]->()
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted
