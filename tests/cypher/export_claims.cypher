// Every claim with what the verification level reads.
// params: none
MATCH (c:Claim)
RETURN c.id AS id, c.account_id AS account_id, c.researcher_id AS researcher_id,
       c.status AS status, c.orcid_check AS orcid_check
ORDER BY id
