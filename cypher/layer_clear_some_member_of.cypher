// Layer rebuild: delete up to $limit MEMBER_OF relationships; returns how many.
// params: limit
MATCH ()-[e:MEMBER_OF]->()
WITH e LIMIT $limit
DELETE e
RETURN count(*) AS n
