// An account follows a researcher (once; no row back when the researcher does not exist).
// params: account_id, researcher_id, now
MATCH (a:Account {id: $account_id})
MATCH (r:Researcher {id: $researcher_id})
OPTIONAL MATCH (a)-[existing:FOLLOWS]->(r)
WITH a, r, existing
WHERE existing IS NULL
CREATE (a)-[:FOLLOWS {since: $now}]->(r)
RETURN r.id AS id
