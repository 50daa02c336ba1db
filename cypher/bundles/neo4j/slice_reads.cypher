// The first stored reads of a researcher's graph slice (those that need only the researcher's
// id) in one round trip (a bundle: graphsvc.db.bundles): one row, a column per read holding its
// rows as maps in its order. Each COLLECT subquery is the read's own text (cypher/NAME.cypher)
// with its RETURN made one map; keep them equal (tests/graph/test_bundles.py compares them).
// params: id, limit
RETURN
  COLLECT {
    MATCH (r:Researcher {id: $id})
    RETURN {id: r.id, name: r.name, coauthors: r.coauthors_count,
            works: r.works_count - COUNT { MATCH (r)-[:AUTHORED]->(w:Work) WHERE w.team_work },
            teams: COUNT { MATCH (r)-[:MEMBER_OF]->(:Team) }}
  } AS slice_researcher,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[m:MEMBER_OF]->(t:Team)
    RETURN {team: t.id, name: t.name, works: m.works, size: t.members} AS row
    ORDER BY row.works DESC, row.team
    LIMIT $limit
  } AS slice_teams,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[e:COAUTHOR]-(c:Researcher)
    RETURN {id: c.id, name: c.name, shared: e.works} AS row
    ORDER BY row.shared DESC, row.name, row.id
    LIMIT $limit
  } AS slice_coauthors,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[:AUTHORED]->(w:Work)
    WHERE NOT coalesce(w.team_work, false)
    RETURN {work: w.arxiv_id, title: w.title, year: w.year, published: w.published} AS row
    ORDER BY row.published IS NULL, row.published DESC, row.work
    LIMIT $limit
  } AS slice_recent_works,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[x:WORKS_IN]->(t:Topic)
    RETURN {topic: t.id, name: t.name, works: x.works} AS row
    ORDER BY row.works DESC, row.topic
  } AS slice_topics,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[:COAUTHOR]-(c:Researcher)-[:AFFILIATED_WITH]->(i:Institution)
    WITH i, count(DISTINCT c) AS members
    RETURN {institution: i.id, name: i.name, members: members} AS row
    ORDER BY row.institution
  } AS slice_institutions
