// Topic lists: the dates of works that stay in a topic's list unchanged (still in the topic).
// params: ids
UNWIND $ids AS id
MATCH (w:Work {arxiv_id: id})
RETURN w.arxiv_id AS arxiv_id, w.published AS published
