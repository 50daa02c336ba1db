// Topics with at least one work, largest first (ties by id), from the layer.
// params: limit
MATCH (t:Topic)
WHERE t.works > 0
RETURN t.id AS id, t.name AS name, t.archive AS archive, t.group_name AS group_name,
       t.works AS works
ORDER BY works DESC, id
LIMIT $limit
