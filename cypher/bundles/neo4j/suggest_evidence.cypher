// The evidence of suggested collaborators (graphsvc.services.suggestions.evidence_reads: common
// co-authors, shared topics, newest works of the candidates $ids) in one round trip (a bundle:
// graphsvc.db.bundles): one row, a column per read holding its rows as maps in its order.
// Each COLLECT subquery is the read's own text (cypher/neo4j/NAME.cypher, else
// cypher/NAME.cypher) with its RETURN made one map; keep them equal
// (tests/graph/test_bundles.py compares them).
// params: id, ids, hub_max
RETURN
  COLLECT {
    MATCH (r:Researcher {id: $id})-[:COAUTHOR]-(z0:Researcher)
    WITH r, collect(z0) AS coauthors
    UNWIND $ids AS cid
    MATCH (c:Researcher {id: cid})-[:COAUTHOR]-(z:Researcher)
    WHERE r <> c AND z IN coauthors AND z.coauthors_count <= $hub_max
    RETURN {candidate: cid, id: z.id, name: z.name, coauthors: z.coauthors_count} AS row
    ORDER BY row.candidate, row.id
  } AS suggest_common_coauthors,
  COLLECT {
    UNWIND $ids AS cid
    MATCH (c:Researcher {id: cid})-[y:WORKS_IN]->(t:Topic)<-[x:WORKS_IN]-(r:Researcher {id: $id})
    WHERE r <> c
    RETURN {candidate: cid, id: t.id, name: t.name, works: x.works,
            candidate_works: y.works} AS row
    ORDER BY row.candidate, row.id
  } AS suggest_shared_topics,
  COLLECT {
    UNWIND $ids AS cid
    MATCH (c:Researcher {id: cid})
    CALL (c) {
      MATCH (c)-[:AUTHORED]->(w:Work)
      WITH DISTINCT w
      ORDER BY coalesce(w.year, 0) DESC, w.published IS NULL, w.published DESC, w.arxiv_id DESC
      LIMIT 3
      RETURN w
    }
    RETURN {candidate: cid, arxiv_id: w.arxiv_id, title: w.title, year: w.year,
            published: w.published} AS row
    ORDER BY row.candidate, row.arxiv_id
  } AS suggest_candidate_works
