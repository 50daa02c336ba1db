// How many co-authors share at least min_works works with a researcher.
// params: id, min_works
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
WITH DISTINCT r, w
MATCH (w)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r
WITH DISTINCT c, w
WITH c, count(w) AS shared
WHERE shared >= $min_works
RETURN count(c) AS n
