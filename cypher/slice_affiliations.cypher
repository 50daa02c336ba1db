// The institutions of the given researchers (AFFILIATED_WITH relationships), with names.
// params: ids
MATCH (r:Researcher)-[:AFFILIATED_WITH]->(i:Institution)
WHERE r.id IN $ids
RETURN DISTINCT r.id AS researcher, i.id AS institution, i.name AS name
ORDER BY researcher, institution
