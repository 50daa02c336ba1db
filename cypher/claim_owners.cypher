// Every approved claim: which account owns which researcher record (ingest: never merge two
// records owned by different accounts).
// params: none
MATCH (c:Claim)
WHERE c.status = 'approved'
RETURN c.researcher_id AS researcher_id, c.account_id AS account_id
