// Bulk load on Neo4j: CSV cannot hold an empty list, so authorships without institutions
// get theirs here, a batch at a time (returns how many; 0 when done).
// params: limit
MATCH ()-[a:AUTHORED]->()
WHERE a.institutions IS NULL
WITH a
LIMIT $limit
SET a.institutions = []
RETURN count(a) AS n
