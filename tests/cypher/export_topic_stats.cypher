// Layer: every topic's stored count and lists.
// params: none
MATCH (t:Topic)
RETURN t.id AS id, t.works AS works, t.top_ids AS top_ids, t.top_counts AS top_counts,
       t.recent_ids AS recent_ids, t.recent_days AS recent_days
ORDER BY id
