// Institutions of a researcher's co-authors, with how many co-authors each has (the researcher
// is counted apart, from slice_affiliations). Ladybug has its own form (cypher/ladybug/).
// params: id
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(:Work)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r
WITH DISTINCT c
MATCH (c)-[:AFFILIATED_WITH]->(i:Institution)
RETURN i.id AS institution, i.name AS name, count(DISTINCT c) AS members
ORDER BY institution
