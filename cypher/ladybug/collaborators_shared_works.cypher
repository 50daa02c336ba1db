// The works (year >= since; team works included) a researcher shares with each given
// co-author, with their year, date and topics: one row per co-author, its works packed in a
// list. Starts from the co-authors, whose works are checked against the researcher (no walk
// through a team roster).
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: id, ids, since
UNWIND $ids AS x
MATCH (c:Researcher {id: x})
OPTIONAL MATCH (c)-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(r:Researcher {id: $id})
WITH c, w
WHERE w IS NOT NULL AND coalesce(w.year, 0) >= $since
WITH DISTINCT c, w
OPTIONAL MATCH (w)-[:HAS_TOPIC]->(t:Topic)
WITH c, w, collect(t.id) AS topics
RETURN c.id AS collaborator,
       collect({arxiv_id: w.arxiv_id, year: w.year, published: w.published,
                topics: topics}) AS works
