// The works (with year >= since) a researcher shares with each given co-author, with their topics.
// Starts from the researcher's works so only their co-authorships are visited.
// params: id, ids, since
MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r AND c.id IN $ids AND coalesce(w.year, 0) >= $since
WITH DISTINCT c, w
OPTIONAL MATCH (w)-[:HAS_TOPIC]->(t:Topic)
RETURN c.id AS collaborator, w.arxiv_id AS arxiv_id, w.published AS published, w.year AS year,
       collect(t.id) AS topics
