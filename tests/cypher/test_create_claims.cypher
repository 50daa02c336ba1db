// Tests only: create claims (id, account_id, researcher_id, status, orcid_check).
// params: rows
UNWIND $rows AS row
CREATE (:Claim {id: row.id, account_id: row.account_id, researcher_id: row.researcher_id,
                status: row.status, orcid_check: row.orcid_check, created_at: 0})
