// Bulk load on Neo4j: CSV cannot hold an empty list, so authorships without institutions get
// theirs here, the works after `after` (by arXiv id, the unique index's order) `limit` at a
// time: each call reads only its own works, so the whole fill is linear in the graph (reading
// the authorships still missing the list from the start each time was quadratic: about 7
// minutes at 2,700,000 works, each transaction slower than the last). Returns the last work
// read (null when none is left).
// params: after, limit
MATCH (w:Work)
WHERE w.arxiv_id > $after
WITH w
ORDER BY w.arxiv_id
LIMIT $limit
OPTIONAL MATCH (w)<-[a:AUTHORED]-()
WHERE a.institutions IS NULL
SET a.institutions = []
RETURN max(w.arxiv_id) AS last
