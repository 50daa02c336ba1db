// The researchers currently credited on these works (before a newer version replaces them).
// params: ids
UNWIND $ids AS id
MATCH (w:Work {arxiv_id: id})<-[:AUTHORED]-(r:Researcher)
RETURN DISTINCT r.id AS id, r.block_key AS block_key
