// How many works and co-authors a researcher has (to tell whether a slice is truncated).
// params: id
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
OPTIONAL MATCH (w)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r
RETURN count(DISTINCT w) AS works, count(DISTINCT c) AS coauthors
