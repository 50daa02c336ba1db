// Which of these topic ids the graph knows.
// params: ids
MATCH (t:Topic)
WHERE t.id IN $ids
RETURN t.id AS id
