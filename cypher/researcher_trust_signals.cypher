// The signals of a researcher's trust snapshot: works, topics and personal co-authors (layer),
// the years of the works, close collaborators (at least min_works shared personal works),
// followers, and one row per claim on the record with its account's email check (claim
// columns null when there is none). No row if the researcher is unknown.
// params: id, min_works
MATCH (r:Researcher {id: $id})
OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)
WITH r, min(w.year) AS first_year, max(w.year) AS last_year
OPTIONAL MATCH (r)-[e:COAUTHOR]-(c:Researcher)
WITH r, first_year, last_year,
     count(CASE WHEN e.works >= $min_works THEN 1 END) AS close_collaborators
OPTIONAL MATCH (f:Account)-[:FOLLOWS]->(r)
WITH r, first_year, last_year, close_collaborators, count(f) AS followers
OPTIONAL MATCH (cl:Claim)
WHERE cl.researcher_id = r.id
OPTIONAL MATCH (a:Account)
WHERE a.id = cl.account_id
RETURN r.id AS id, r.works_count AS works, r.topics_count AS topics,
       r.coauthors_count AS collaborators, close_collaborators, first_year, last_year,
       followers, cl.id AS claim_id, cl.status AS claim_status, cl.orcid_check AS orcid_check,
       coalesce(a.email_verified, false) AS account_verified
ORDER BY claim_id
