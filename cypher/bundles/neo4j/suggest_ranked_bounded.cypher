// Suggested collaborators with their bound, in one query (Neo4j; the embedded engine reads
// suggest_coauthor_degrees, bounds in Python (graphsvc.services.suggestions.hub_bound) and then
// reads suggest_ranked): the researcher's co-authors are walked once for both. One row: the
// bound used, `hub_max` (co-authors with more personal co-authors are skipped), and the ranked
// candidates as maps, each as suggest_ranked returns it; no row if the researcher is unknown.
// The bound: $hub_max when the co-authors with at most $hub_max co-authors expand to at most
// $rows_max two-hop rows, otherwise the largest degree d whose co-authors of degree <= d do (0
// when none fit): the reduce below over (degree, co-authors) groups in ascending degree is
// hub_bound's loop. The ranking after it is cypher/neo4j/suggest_ranked.cypher's, its rows
// made maps (keep them equal: tests/api/test_suggestions.py compares the two paths).
// Memory: the degree groups come from a CALL subquery, not a COLLECT expression, which Neo4j
// grouped by the co-author list as well: 1.3 GB for a record of 18,839 co-authors at
// 2,700,000 works, and its transaction memory limit (a 503) for 21,574; 240 kB now
// (tests/graph/test_plans.py checks the plan).
// params: id, hub_max, rows_max, min_common, limit, open_first
MATCH (r:Researcher {id: $id})
OPTIONAL MATCH (r)-[:COAUTHOR]-(z0)
WITH r, collect(z0) AS coauthors
CALL (coauthors) {
  UNWIND coauthors AS z
  WITH z.coauthors_count AS degree, count(*) AS n
  WHERE degree <= $hub_max
  WITH degree, n ORDER BY degree
  RETURN collect([degree, n]) AS groups
}
WITH r, coauthors,
     reduce(s = [0, 0, false], g IN groups |
       CASE WHEN s[2] THEN s
            WHEN s[0] + g[0] * g[1] > $rows_max THEN [s[0], s[1], true]
            ELSE [s[0] + g[0] * g[1], g[0], false] END) AS fit
WITH r, coauthors, CASE WHEN fit[2] THEN fit[1] ELSE $hub_max END AS hub
CALL (r, coauthors, hub) {
  CALL (coauthors, hub) {
    UNWIND coauthors AS z
    WITH z, hub WHERE z.coauthors_count <= hub
    WITH z, 1.0 / z.coauthors_count AS w, 1.0 / log(z.coauthors_count * 1.0) AS a
    MATCH (z)-[:COAUTHOR]-(c)
    WITH c, count(*) AS common, sum(w) AS ra, sum(a) AS aa
    WHERE common >= $min_common
    RETURN c, common, ra, aa
  }
  WITH r, coauthors, c, common, ra, aa
  WHERE c <> r AND NOT c IN coauthors
  WITH c, common, round(ra, 6) AS ra, round(aa, 6) AS aa,
       CASE WHEN $open_first THEN EXISTS {
         MATCH (cl:Claim {researcher_id: c.id})
         WHERE cl.status = 'approved' AND cl.collab_open = true
       } ELSE false END AS open
  RETURN collect({c: c, common: common, ra: ra, aa: aa, open: open,
                  rank: CASE WHEN open THEN 0 ELSE 1 END}) AS candidates
}
CALL (candidates) {
  UNWIND candidates AS x
  WITH x ORDER BY x.rank, x.ra DESC, x.common DESC LIMIT $limit
  RETURN last(collect(x)) AS k
}
OPTIONAL MATCH (r)-[:WORKS_IN]->(rt:Topic)
WITH r, hub, candidates, k, collect(rt) AS topics
CALL (r, topics, candidates, k) {
  UNWIND candidates AS x
  WITH x
  WHERE x.rank < k.rank OR (x.rank = k.rank AND (x.ra > k.ra OR (x.ra = k.ra AND x.common >= k.common)))
  WITH x, x.c AS c
  WITH x, c, size([(c)-[:WORKS_IN]->(t:Topic) WHERE t IN topics | t]) AS shared
  WITH x, {id: c.id, name: c.name, common_coauthors_count: x.common,
           shared_topics_count: shared, resource_allocation: x.ra, adamic_adar: x.aa,
           topic_overlap: CASE WHEN r.topics_count + c.topics_count - shared > 0
                               THEN round(shared * 1.0 / (r.topics_count + c.topics_count - shared), 6)
                               ELSE 0.0 END,
           open_to_collaborate: EXISTS {
             MATCH (cl:Claim {researcher_id: c.id})
             WHERE cl.status = 'approved' AND cl.collab_open = true
           }} AS row
  ORDER BY x.rank, row.resource_allocation DESC, row.common_coauthors_count DESC,
           row.topic_overlap DESC, row.name, row.id
  LIMIT $limit
  RETURN collect(row) AS items
}
RETURN hub AS hub_max, items
