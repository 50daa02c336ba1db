// Layer rebuild: delete up to $limit COOCCURS relationships; returns how many.
// params: limit
MATCH ()-[e:COOCCURS]->()
WITH e LIMIT $limit
DELETE e
RETURN count(*) AS n
