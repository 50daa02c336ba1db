// Tests only: an account follows a researcher (the follow endpoints are someone else's).
// params: account_id, researcher_id, since
MATCH (a:Account {id: $account_id})
MATCH (r:Researcher {id: $researcher_id})
CREATE (a)-[:FOLLOWS {since: $since}]->(r)
