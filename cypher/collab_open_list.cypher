// Researchers open to collaborate: most works first, then name, then id.
// params: limit
MATCH (c:Claim)
WHERE c.status = 'approved' AND c.collab_open = true
MATCH (r:Researcher)
WHERE r.id = c.researcher_id
RETURN r.id AS id, r.name AS name, r.aliases AS aliases, r.works_count AS works_count
ORDER BY works_count DESC, name, id
LIMIT $limit
