// An account stops following a researcher.
// params: account_id, researcher_id
MATCH (a:Account {id: $account_id})-[f:FOLLOWS]->(r:Researcher {id: $researcher_id})
DELETE f
