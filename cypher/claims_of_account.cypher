// An account's claims, newest first.
// params: account_id
MATCH (:Account {id: $account_id})-[:HOLDS]->(c:Claim)
OPTIONAL MATCH (c)-[:CLAIMS]->(r:Researcher)
RETURN c.id AS id, c.account_id AS account_id, c.researcher_id AS researcher_id,
       c.status AS status, c.orcid AS orcid, c.homepage AS homepage, c.works AS works,
       c.note AS note, c.orcid_check AS orcid_check, c.orcid_detail AS orcid_detail,
       c.created_at AS created_at, c.reviewed_at AS reviewed_at, c.review_note AS review_note,
       r.name AS researcher_name
ORDER BY c.created_at DESC, c.id
