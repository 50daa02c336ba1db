// The AFFILIATED_WITH relationships between the given researchers and institutions (a slice's
// kept nodes), as (researcher id, institution id).
// params: ids, institutions
MATCH (r:Researcher)-[:AFFILIATED_WITH]->(i:Institution)
WHERE r.id IN $ids AND i.id IN $institutions
RETURN DISTINCT r.id AS researcher, i.id AS institution
