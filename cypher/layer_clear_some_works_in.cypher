// Layer rebuild: delete up to $limit WORKS_IN relationships; returns how many.
// params: limit
MATCH ()-[e:WORKS_IN]->()
WITH e LIMIT $limit
DELETE e
RETURN count(*) AS n
