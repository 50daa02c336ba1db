// Bulk load on Neo4j: CSV cannot hold an empty list, so authorships without institutions get
// theirs here, the works after `after` (by arXiv id, the unique index's order) `limit` at a
// time: each call reads only its own works, so the whole fill is linear in the graph (reading
// the authorships still missing the list from the start each time was quadratic: 20 minutes
// and more at 2,700,000 works). Returns the last work read (null when none is left) and how
// many authorships got their list.
// params: after, limit
MATCH (w:Work)
WHERE w.arxiv_id > $after
WITH w
ORDER BY w.arxiv_id
LIMIT $limit
OPTIONAL MATCH (w)<-[a:AUTHORED]-()
WHERE a.institutions IS NULL
SET a.institutions = []
RETURN max(w.arxiv_id) AS last, count(a) AS n
