// Suggested collaborators, the bound: how many of a researcher's personal co-authors have each
// number of personal co-authors (the rows each would add to the two-hop expansion), as one row
// of [co-authors, how many] pairs ([null, 0] for nobody); no row if the researcher is unknown.
// (One row per pair cost 25 us each on Neo4j: 30 ms for the 1,222 pairs of a prolific
// researcher at 1,000,000 works.)
// params: id
MATCH (r:Researcher {id: $id})
OPTIONAL MATCH (r)-[:COAUTHOR]-(z:Researcher)
WITH r, z.coauthors_count AS coauthors, count(z) AS n
RETURN r.id AS id, collect([coauthors, n]) AS degrees
