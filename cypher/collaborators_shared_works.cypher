// The works (with year >= since) a researcher shares with each given co-author, with their topics.
// params: id, ids, since
MATCH (r:Researcher {id: $id})
UNWIND $ids AS cid
MATCH (c:Researcher {id: cid})
MATCH (r)-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(c)
WHERE c <> r AND coalesce(w.year, 0) >= $since
WITH DISTINCT c, w
OPTIONAL MATCH (w)-[:HAS_TOPIC]->(t:Topic)
RETURN c.id AS collaborator, w.arxiv_id AS arxiv_id, w.published AS published,
       collect(t.id) AS topics
