// Every topic with its properties.
// params: none
MATCH (t:Topic)
RETURN t.id AS id, t.name AS name, t.archive AS archive, t.archive_name AS archive_name,
       t.group_id AS group_id, t.group_name AS group_name
ORDER BY id
