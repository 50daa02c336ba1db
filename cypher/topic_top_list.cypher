// A topic's stored list of top researchers (by personal works) with their counts.
// params: id
MATCH (t:Topic {id: $id})
RETURN t.top_ids AS ids, t.top_counts AS counts
