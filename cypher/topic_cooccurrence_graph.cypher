// The topic co-occurrence graph: one row per topic with at least $min_works works (isolated
// ones too), repeated per co-occurring topic `other` (id greater than its own, so each pair
// once; null when none) with `weight` = works having both and `other_works` = other's works.
// params: min_works
MATCH (w:Work)-[:HAS_TOPIC]->(t:Topic)
WITH t, count(DISTINCT w) AS works
WHERE works >= $min_works
OPTIONAL MATCH (t)<-[:HAS_TOPIC]-(x:Work)-[:HAS_TOPIC]->(u:Topic)
WHERE u.id > t.id
WITH t, works, u, count(DISTINCT x) AS weight
OPTIONAL MATCH (y:Work)-[:HAS_TOPIC]->(u)
WITH t, works, u, weight, count(DISTINCT y) AS other_works
RETURN t.id AS id, t.name AS name, works, u.id AS other, weight, other_works
ORDER BY id, other_works DESC, weight DESC, other
