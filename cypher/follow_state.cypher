// A researcher's follower count and whether one account (or '' for none) follows them; no row
// for an unknown researcher (the id is a grouping key, so no match means no row).
// params: researcher_id, account_id
MATCH (r:Researcher {id: $researcher_id})
OPTIONAL MATCH (a:Account)-[:FOLLOWS]->(r)
RETURN r.id AS id, count(a) AS followers,
       sum(CASE WHEN a.id = $account_id THEN 1 ELSE 0 END) AS mine
