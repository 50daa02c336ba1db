// The account side of a researcher's trust snapshot: followers, and one row per claim on the
// record with its account's email check (claim columns null when there is none). No row if the
// researcher is unknown. The record side (works, topics, co-authors, years, close
// collaborators) comes from researcher_profile and collaborators_close_count, which the profile
// reads anyway: neither the works nor the co-authorships are walked a second time.
// params: id
MATCH (r:Researcher {id: $id})
OPTIONAL MATCH (f:Account)-[:FOLLOWS]->(r)
WITH r, count(f) AS followers
OPTIONAL MATCH (cl:Claim)-[:CLAIMS]->(r)
OPTIONAL MATCH (a:Account)
WHERE a.id = cl.account_id
RETURN followers, cl.id AS claim_id, cl.status AS claim_status, cl.orcid_check AS orcid_check,
       coalesce(a.email_verified, false) AS account_verified
ORDER BY claim_id
