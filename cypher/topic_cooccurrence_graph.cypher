// The topic co-occurrence graph: one row per topic with at least $min_works works (isolated
// ones too), repeated per co-occurring topic `other` with a greater id (each pair once; null
// when none) with `weight` = the number of works having both. Callers keep the pairs whose
// `other` is itself one of the returned topics.
// params: min_works
MATCH (w:Work)-[:HAS_TOPIC]->(t:Topic)
WITH t, count(DISTINCT w) AS works
WHERE works >= $min_works
OPTIONAL MATCH (t)<-[:HAS_TOPIC]-(x:Work)-[:HAS_TOPIC]->(u:Topic)
WHERE u.id > t.id
WITH t, works, u, count(DISTINCT x) AS weight
RETURN t.id AS id, t.name AS name, works, u.id AS other, weight
ORDER BY id, other
