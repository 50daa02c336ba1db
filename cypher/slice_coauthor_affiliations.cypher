// The institutions of a researcher's personal co-authors: one row per co-author and institution
// (AFFILIATED_WITH), with the institution's name. The slice counts each institution's
// co-authors from these rows and draws their edges from them (the researcher's own
// affiliations come from slice_affiliations).
// params: id
MATCH (r:Researcher {id: $id})-[:COAUTHOR]-(c:Researcher)-[:AFFILIATED_WITH]->(i:Institution)
RETURN DISTINCT c.id AS researcher, i.id AS institution, i.name AS name
ORDER BY researcher, institution
