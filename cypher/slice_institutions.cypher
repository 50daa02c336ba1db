// Institutions of a researcher's personal co-authors, with how many co-authors each has (the
// researcher is counted apart, from slice_affiliations).
// params: id
MATCH (r:Researcher {id: $id})-[:COAUTHOR]-(c:Researcher)-[:AFFILIATED_WITH]->(i:Institution)
RETURN i.id AS institution, i.name AS name, count(DISTINCT c) AS members
ORDER BY institution
