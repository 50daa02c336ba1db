// Tests only: create claims (id, account_id, researcher_id, status, orcid_check), linked to
// their records and (where it exists) their accounts, as claim_create links them.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher_id})
CREATE (c:Claim {id: row.id, account_id: row.account_id, researcher_id: row.researcher_id,
                 status: row.status, orcid_check: row.orcid_check, created_at: 0})-[:CLAIMS]->(r)
WITH row, c
MATCH (a:Account {id: row.account_id})
CREATE (a)-[:HOLDS]->(c)
