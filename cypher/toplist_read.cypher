// Topic lists: the stored top researchers (with counts) and recent works of these topics.
// params: ids
UNWIND $ids AS id
MATCH (t:Topic {id: id})
RETURN t.id AS id, t.top_ids AS top_ids, t.top_counts AS top_counts, t.recent_ids AS recent_ids,
       t.recent_days AS recent_days
