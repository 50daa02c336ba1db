// The review queue: claims in one status, oldest first, with the account and the record (read
// for the listed claims only).
// params: status, limit
MATCH (c:Claim)
WHERE c.status = $status
WITH c
ORDER BY c.created_at, c.id
LIMIT $limit
OPTIONAL MATCH (a:Account)
WHERE a.id = c.account_id
OPTIONAL MATCH (c)-[:CLAIMS]->(r:Researcher)
RETURN c.id AS id, c.account_id AS account_id, c.researcher_id AS researcher_id,
       c.status AS status, c.orcid AS orcid, c.homepage AS homepage, c.works AS works,
       c.note AS note, c.orcid_check AS orcid_check, c.orcid_detail AS orcid_detail,
       c.created_at AS created_at, c.reviewed_at AS reviewed_at, c.review_note AS review_note,
       a.display_name AS display_name, a.email AS email, r.name AS researcher_name,
       coalesce(r.works_count, 0) AS works_count
ORDER BY created_at, id
