// Suggested collaborators, evidence: the common personal co-authors of a researcher and each
// candidate (hubs with more than $hub_max personal co-authors skipped, as in the ranking), with
// their number of personal co-authors. Starts from the candidates (primary-key look-ups).
// params: id, ids, hub_max
MATCH (c:Researcher)-[:COAUTHOR]-(z:Researcher)
WHERE c.id IN $ids AND z.coauthors_count <= $hub_max
MATCH (z)-[:COAUTHOR]-(r:Researcher {id: $id})
WHERE r <> c
RETURN c.id AS candidate, z.id AS id, z.name AS name, z.coauthors_count AS coauthors
ORDER BY candidate, id
