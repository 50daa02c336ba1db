// Layer rebuild: delete up to $limit COAUTHOR relationships; returns how many.
// params: limit
MATCH ()-[e:COAUTHOR]->()
WITH e LIMIT $limit
DELETE e
RETURN count(*) AS n
