// Institutions of a researcher's co-authors, with how many co-authors each has (the researcher
// is counted apart, from slice_affiliations). Ladybug: one pattern, because it plans the shared
// file's second MATCH after WITH DISTINCT as a scan of every affiliation (25 ms against 1.3 ms
// at 100,000 works); on Neo4j the one pattern is the slower (30 against 13 ms, prolific).
// params: id
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(:Work)<-[:AUTHORED]-(c:Researcher)
      -[:AFFILIATED_WITH]->(i:Institution)
WHERE c <> r
RETURN i.id AS institution, i.name AS name, count(DISTINCT c) AS members
ORDER BY institution
