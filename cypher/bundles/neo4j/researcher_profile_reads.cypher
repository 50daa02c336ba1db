// The stored reads of a researcher's profile in one round trip (a bundle: graphsvc.db.bundles):
// one row, a column per read holding its rows as maps in its order. Each COLLECT subquery is
// the read's own text (cypher/NAME.cypher) with its RETURN made one map; keep them equal
// (tests/graph/test_bundles.py compares them).
// params: id, min_works, limit, researcher_id, account_id
RETURN
  COLLECT {
    MATCH (r:Researcher {id: $id})
    OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)
    WITH r, min(w.year) AS first_year, max(w.year) AS last_year,
         sum(CASE WHEN w.team_work THEN 1 ELSE 0 END) AS team_works
    RETURN {id: r.id, name: r.name, aliases: r.aliases, works_count: r.works_count,
            topics_count: r.topics_count, coauthors_count: r.coauthors_count,
            team_works: team_works, first_year: first_year, last_year: last_year}
  } AS researcher_profile,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[x:AFFILIATED_WITH]->(i:Institution)
    RETURN {id: i.id, name: i.name, first_year: x.first_year, last_year: x.last_year,
            works: x.works} AS row
    ORDER BY row.works DESC, row.id
  } AS researcher_institutions,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[e:COAUTHOR]-(c:Researcher)
    WHERE e.works >= $min_works
    WITH count(c) AS n
    RETURN {n: n}
  } AS collaborators_close_count,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[x:WORKS_IN]->(t:Topic)
    RETURN {id: t.id, name: t.name, works: x.works} AS row
    ORDER BY row.works DESC, row.id
    LIMIT $limit
  } AS researcher_top_topics,
  COLLECT {
    MATCH (r:Researcher {id: $id})
    OPTIONAL MATCH (f:Account)-[:FOLLOWS]->(r)
    WITH r, count(f) AS followers
    OPTIONAL MATCH (cl:Claim)-[:CLAIMS]->(r)
    OPTIONAL MATCH (a:Account)
    WHERE a.id = cl.account_id
    RETURN {followers: followers, claim_id: cl.id, claim_status: cl.status,
            orcid_check: cl.orcid_check,
            account_verified: coalesce(a.email_verified, false)} AS row
    ORDER BY row.claim_id
  } AS researcher_trust_claims,
  COLLECT {
    MATCH (r:Researcher {id: $researcher_id})
    OPTIONAL MATCH (a:Account)-[:FOLLOWS]->(r)
    WITH r.id AS id, count(a) AS followers,
         sum(CASE WHEN a.id = $account_id THEN 1 ELSE 0 END) AS mine
    RETURN {id: id, followers: followers, mine: mine}
  } AS follow_state,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[m:MEMBER_OF]->(t:Team)
    RETURN {id: t.id, name: t.name, shared_works: m.works, size: t.members,
            works: t.works} AS row
    ORDER BY row.shared_works DESC, row.id
  } AS researcher_teams,
  COLLECT {
    MATCH (r:Researcher {id: $id})<-[:CLAIMS]-(c:Claim)
    WHERE c.status IN ['pending', 'approved']
    OPTIONAL MATCH (a:Account)
    WHERE a.id = c.account_id
    RETURN {id: c.id, account_id: c.account_id, researcher_id: r.id,
            status: c.status, created_at: c.created_at, display_name: a.display_name} AS row
    ORDER BY row.created_at, row.id
  } AS claims_live_on,
  COLLECT {
    MATCH (r:Researcher {id: $id})<-[:CLAIMS]-(c:Claim)
    WHERE c.status = 'approved'
    RETURN {researcher_id: r.id, open: coalesce(c.collab_open, false),
            note: coalesce(c.collab_note, ''), topics: c.collab_topics}
  } AS collab_on
