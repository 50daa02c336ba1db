// The institutions of the given researchers (AFFILIATED_WITH relationships), with names.
// params: ids
UNWIND $ids AS rid
MATCH (r:Researcher {id: rid})-[:AFFILIATED_WITH]->(i:Institution)
RETURN DISTINCT r.id AS researcher, i.id AS institution, i.name AS name
ORDER BY researcher, institution
