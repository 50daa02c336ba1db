// Researchers open to collaborate: most works first, then name, then id.
// params: limit
MATCH (c:Claim)-[:CLAIMS]->(r:Researcher)
WHERE c.status = 'approved' AND c.collab_open = true
RETURN r.id AS id, r.name AS name, r.aliases AS aliases, r.works_count AS works_count
ORDER BY works_count DESC, name, id
LIMIT $limit
