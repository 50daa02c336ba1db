// One topic with its number of works (no row if unknown).
// params: id
MATCH (t:Topic {id: $id})
OPTIONAL MATCH (w:Work)-[:HAS_TOPIC]->(t)
RETURN t.id AS id, t.name AS name, t.archive AS archive, t.archive_name AS archive_name,
       t.group_id AS group_id, t.group_name AS group_name, count(DISTINCT w) AS works
