// A work's categories (topics), the primary one first, then by id.
// params: id
MATCH (w:Work {arxiv_id: $id})-[h:HAS_TOPIC]->(t:Topic)
RETURN t.id AS id, t.name AS name, h.is_primary AS is_primary
ORDER BY is_primary DESC, id
