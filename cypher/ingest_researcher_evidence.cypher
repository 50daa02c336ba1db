// For each researcher: the block keys of their co-authors and the topics of their works.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[:AUTHORED]->(w:Work)
OPTIONAL MATCH (w)<-[:AUTHORED]-(c:Researcher)
WHERE c <> r
OPTIONAL MATCH (w)-[:HAS_TOPIC]->(t:Topic)
RETURN r.id AS id, collect(DISTINCT c.block_key) AS coauthor_blocks,
       collect(DISTINCT t.id) AS topics
