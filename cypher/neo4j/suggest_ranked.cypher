// Suggested collaborators: researchers two personal co-authorship hops away who are not yet
// personal co-authors, with link-prediction scores over the common co-authors z (hubs with more
// than $hub_max personal co-authors skipped): resource allocation sum(1/deg z), Adamic-Adar
// sum(1/ln deg z); and topic overlap, the Jaccard index of the two topic sets (WORKS_IN).
// Ranked by resource allocation, common co-authors, topic overlap (descending), name, id;
// with $open_first, researchers open to collaborate (an approved claim with collab_open) first.
// Neo4j: log() is the natural logarithm (Ladybug: ln()).
// Cost (a prolific researcher at 100,000 works: 61,000 two-hop rows, 16,000 candidates; 6 s at
// first, 300 ms before this form): each z's two weights are computed once, before the second
// hop; the candidates are grouped by node alone and the researcher's co-authors removed after
// grouping (16,000 list tests, not 61,000); the open state is looked up per candidate only when
// it ranks ($open_first; a CASE, which Neo4j does not evaluate for false, where AND would be),
// and again for the returned rows, whose flag it is; the topic overlap, a tie-breaker, only for
// the candidates at or above the $limit-th by (open first, resource allocation, common).
// COAUTHOR joins researchers only, so its ends are not label-checked (a third of the hop).
// params: id, hub_max, min_common, limit, open_first
MATCH (r:Researcher {id: $id})-[:COAUTHOR]-(z0)
WITH r, collect(z0) AS coauthors
CALL (coauthors) {
  UNWIND coauthors AS z
  WITH z WHERE z.coauthors_count <= $hub_max
  WITH z, 1.0 / z.coauthors_count AS w, 1.0 / log(z.coauthors_count * 1.0) AS a
  MATCH (z)-[:COAUTHOR]-(c)
  WITH c, count(*) AS common, sum(w) AS ra, sum(a) AS aa
  WHERE common >= $min_common
  RETURN c, common, ra, aa
}
WITH r, coauthors, c, common, ra, aa
WHERE c <> r AND NOT c IN coauthors
WITH r, c, common, round(ra, 6) AS ra, round(aa, 6) AS aa,
     CASE WHEN $open_first THEN EXISTS {
       MATCH (cl:Claim {researcher_id: c.id})
       WHERE cl.status = 'approved' AND cl.collab_open = true
     } ELSE false END AS open
WITH r, collect({c: c, common: common, ra: ra, aa: aa, open: open,
                 rank: CASE WHEN open THEN 0 ELSE 1 END}) AS candidates
CALL (candidates) {
  UNWIND candidates AS x
  WITH x ORDER BY x.rank, x.ra DESC, x.common DESC LIMIT $limit
  RETURN last(collect(x)) AS k
}
OPTIONAL MATCH (r)-[:WORKS_IN]->(rt:Topic)
WITH r, candidates, k, collect(rt) AS topics
UNWIND candidates AS x
WITH r, topics, x
WHERE x.rank < k.rank OR (x.rank = k.rank AND (x.ra > k.ra OR (x.ra = k.ra AND x.common >= k.common)))
WITH r, topics, x, x.c AS c
WITH r, x, c, size([(c)-[:WORKS_IN]->(t:Topic) WHERE t IN topics | t]) AS shared
RETURN c.id AS id, c.name AS name, x.common AS common_coauthors_count,
       shared AS shared_topics_count, x.ra AS resource_allocation, x.aa AS adamic_adar,
       CASE WHEN r.topics_count + c.topics_count - shared > 0
            THEN round(shared * 1.0 / (r.topics_count + c.topics_count - shared), 6)
            ELSE 0.0 END AS topic_overlap,
       EXISTS {
         MATCH (cl:Claim {researcher_id: c.id})
         WHERE cl.status = 'approved' AND cl.collab_open = true
       } AS open_to_collaborate
ORDER BY x.rank, resource_allocation DESC, common_coauthors_count DESC, topic_overlap DESC,
         name, id
LIMIT $limit
