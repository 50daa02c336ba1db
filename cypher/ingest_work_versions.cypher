// The stored version of each of these works (absent ones are not returned).
// params: ids
UNWIND $ids AS id
MATCH (w:Work {arxiv_id: id})
RETURN w.arxiv_id AS arxiv_id, w.version AS version
