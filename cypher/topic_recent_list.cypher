// The first $limit works of a topic's stored list of recent works, and the list's length.
// params: id
MATCH (t:Topic {id: $id})
RETURN t.recent_ids AS ids
