// The rest of ring 1 of a researcher's graph slice (works, topics, institutions, the
// researcher's own affiliations: graphsvc.services.graph.slice_more_reads) in one round trip
// (a bundle: graphsvc.db.bundles): one row, a column per read holding its rows as maps in its
// order. Each COLLECT subquery is the read's own text (cypher/NAME.cypher) with its RETURN made
// one map; keep them equal (tests/graph/test_bundles.py compares them).
// params: id, limit, ids
RETURN
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
    WITH DISTINCT c.id AS researcher, i.id AS institution, i.name AS name
    RETURN {researcher: researcher, institution: institution, name: name} AS row
    ORDER BY row.researcher, row.institution
  } AS slice_coauthor_affiliations,
  COLLECT {
    MATCH (r:Researcher)-[:AFFILIATED_WITH]->(i:Institution)
    WHERE r.id IN $ids
    WITH DISTINCT r.id AS researcher, i.id AS institution, i.name AS name
    RETURN {researcher: researcher, institution: institution, name: name} AS row
    ORDER BY row.researcher, row.institution
  } AS slice_affiliations
