// Suggested collaborators, evidence: the common personal co-authors of a researcher and each
// candidate (hubs with more than $hub_max personal co-authors skipped, as in the ranking), with
// their number of personal co-authors.
// (Neo4j: the researcher's co-authors are collected once and each candidate's tested against
// them; the one-pattern form was planned from the researcher through every co-author's
// co-authors, 610,000 rows and 0.9 s for a prolific researcher at 100,000 works.)
// params: id, ids, hub_max
MATCH (r:Researcher {id: $id})-[:COAUTHOR]-(z0:Researcher)
WITH r, collect(z0) AS coauthors
UNWIND $ids AS cid
MATCH (c:Researcher {id: cid})-[:COAUTHOR]-(z:Researcher)
WHERE r <> c AND z IN coauthors AND z.coauthors_count <= $hub_max
RETURN cid AS candidate, z.id AS id, z.name AS name, z.coauthors_count AS coauthors
ORDER BY candidate, id
