// One topic with its number of works (layer; no row if unknown).
// params: id
MATCH (t:Topic {id: $id})
RETURN t.id AS id, t.name AS name, t.archive AS archive, t.archive_name AS archive_name,
       t.group_id AS group_id, t.group_name AS group_name, coalesce(t.works, 0) AS works
