// The researchers an account follows, most recently followed first.
// params: account_id
MATCH (a:Account {id: $account_id})-[f:FOLLOWS]->(r:Researcher)
RETURN r.id AS id, r.name AS name, r.works_count AS works_count, f.since AS since
ORDER BY since DESC, id
