// Suggested collaborators, evidence: the common personal co-authors of a researcher and each
// candidate (hubs with more than $hub_max personal co-authors skipped, as in the ranking), with
// their number of personal co-authors.
// Ladybug: each candidate looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. For
// `id IN $ids` Ladybug's cost model scans at 2,700,000 works (1,007,392 researchers and 5.4
// million COAUTHOR rows for the most prolific researcher: 930 ms a call; 6 to 118 ms so).
// params: id, ids, hub_max
UNWIND $ids AS x
MATCH (c:Researcher {id: x})
OPTIONAL MATCH (c)-[:COAUTHOR]-(z:Researcher)-[:COAUTHOR]-(r:Researcher {id: $id})
WITH c, z, r
WHERE z IS NOT NULL AND z.coauthors_count <= $hub_max AND r <> c
RETURN c.id AS candidate, z.id AS id, z.name AS name, z.coauthors_count AS coauthors
ORDER BY candidate, id
