// Tests only: every follow, as (account, researcher, since).
// params: none
MATCH (a:Account)-[f:FOLLOWS]->(r:Researcher)
RETURN a.id AS account_id, r.id AS researcher_id, f.since AS since
ORDER BY account_id, researcher_id, since
