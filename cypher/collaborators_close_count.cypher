// How many personal co-authors share at least min_works works with a researcher (layer).
// params: id, min_works
MATCH (r:Researcher {id: $id})-[e:COAUTHOR]-(c:Researcher)
WHERE e.works >= $min_works
RETURN count(c) AS n
