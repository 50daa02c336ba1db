// Topic lists: every topic id.
// params: none
MATCH (t:Topic)
RETURN t.id AS id
ORDER BY id
