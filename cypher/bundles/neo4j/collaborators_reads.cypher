// The stored reads of a researcher's collaborators (personal, no `since`) in one round trip (a
// bundle: graphsvc.db.bundles): one row, a column per read holding its rows as maps in its
// order. Each COLLECT subquery is the read's own text (cypher/neo4j/NAME.cypher, else
// cypher/NAME.cypher) with its RETURN made one map; keep them equal
// (tests/graph/test_bundles.py compares them).
// params: id, newman, limit
RETURN
  COLLECT {
    MATCH (r:Researcher {id: $id})
    RETURN {id: r.id, total: r.works_count}
  } AS researcher_works_count,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[e:COAUTHOR]-()
    WITH r, round(CASE WHEN $newman THEN e.newman ELSE e.works * 1.0 END, 6) AS score
    ORDER BY score DESC
    LIMIT $limit
    WITH r, min(score) AS floor
    MATCH (r)-[e:COAUTHOR]-(c:Researcher)
    WITH c, e.works AS shared_works,
         round(CASE WHEN $newman THEN e.newman ELSE e.works * 1.0 END, 6) AS score, floor
    WHERE score >= floor
    RETURN {id: c.id, name: c.name, shared_works: shared_works, score: score} AS row
    ORDER BY row.score DESC, row.name, row.id
    LIMIT $limit
  } AS collaborators_ranked,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[m:MEMBER_OF]->(t:Team)
    RETURN {id: t.id, name: t.name, shared_works: m.works, size: t.members,
            works: t.works} AS row
    ORDER BY row.shared_works DESC, row.id
  } AS researcher_teams
