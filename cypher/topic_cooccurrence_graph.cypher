// The topic co-occurrence graph from the layer: one row per topic with at least $min_works
// works (isolated ones too), repeated per co-occurring topic `other` with a greater id (each
// pair once; null when none) with `weight` = the number of works having both. Callers keep the
// pairs whose `other` is itself one of the returned topics.
// params: min_works
MATCH (t:Topic)
WHERE t.works >= $min_works
OPTIONAL MATCH (t)-[c:COOCCURS]->(u:Topic)
RETURN t.id AS id, t.name AS name, t.works AS works, u.id AS other, c.works AS weight
ORDER BY id, other
