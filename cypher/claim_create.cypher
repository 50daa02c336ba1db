// Record a pending claim of a researcher record by an account (README: Claims), linked to both
// (no row: the record or the account is gone).
// params: id, account_id, researcher_id, orcid, homepage, works, note, orcid_check, orcid_detail, now
MATCH (r:Researcher {id: $researcher_id})
MATCH (a:Account {id: $account_id})
CREATE (a)-[:HOLDS]->(c:Claim {id: $id, account_id: $account_id, researcher_id: $researcher_id,
                               status: 'pending', orcid: $orcid, homepage: $homepage,
                               works: $works, note: $note, orcid_check: $orcid_check,
                               orcid_detail: $orcid_detail, created_at: $now, reviewed_at: 0,
                               review_note: ''})-[:CLAIMS]->(r)
RETURN c.id AS id
