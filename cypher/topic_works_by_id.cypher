// These works' id, title and year (for a topic's recent works).
// params: ids
UNWIND $ids AS wid
MATCH (w:Work {arxiv_id: wid})
RETURN w.arxiv_id AS arxiv_id, w.title AS title, w.year AS year
