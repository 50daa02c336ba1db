// A researcher's personal co-authors (layer: COAUTHOR), most shared works first, then name,
// then id; the first $limit.
// Neo4j: names are read and ordered only for the co-authors at or above the $limit-th by
// shared works (all 7,356 of a prolific researcher's at 1,000,000 works: 35 to 40 ms).
// params: id, limit
MATCH (r:Researcher {id: $id})-[e:COAUTHOR]-()
WITH r, e.works AS shared
ORDER BY shared DESC
LIMIT $limit
WITH r, min(shared) AS floor
MATCH (r)-[e:COAUTHOR]-(c:Researcher)
WHERE e.works >= floor
RETURN c.id AS id, c.name AS name, e.works AS shared
ORDER BY shared DESC, name, id
LIMIT $limit
