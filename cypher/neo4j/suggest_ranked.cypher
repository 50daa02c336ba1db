// Suggested collaborators: researchers two personal co-authorship hops away who are not yet
// personal co-authors, with link-prediction scores over the common co-authors z (hubs with more
// than $hub_max personal co-authors skipped): resource allocation sum(1/deg z), Adamic-Adar
// sum(1/ln deg z); and topic overlap, the Jaccard index of the two topic sets (WORKS_IN).
// Ranked by resource allocation, common co-authors, topic overlap (descending), name, id;
// with $open_first, researchers open to collaborate (an approved claim with collab_open) first.
// Neo4j: log() is the natural logarithm (Ladybug: ln()).
// Cost (a prolific researcher at 100,000 works: 16,000 candidates; 6 s before): the co-authors
// and topics of the researcher are collected once and tested as lists, not as relationships
// per candidate (17 million db hits); the topic overlap, a tie-breaker, is computed only for
// the candidates at or above the $limit-th by (open first, resource allocation, common).
// params: id, hub_max, min_common, limit, open_first
MATCH (r:Researcher {id: $id})-[:COAUTHOR]-(z0:Researcher)
WITH r, collect(z0) AS coauthors
UNWIND coauthors AS z
WITH r, coauthors, z
WHERE z.coauthors_count <= $hub_max
MATCH (z)-[:COAUTHOR]-(c:Researcher)
WHERE c <> r AND NOT c IN coauthors
WITH r, c, count(z) AS common, round(sum(1.0 / z.coauthors_count), 6) AS ra,
     round(sum(1.0 / log(z.coauthors_count * 1.0)), 6) AS aa
WHERE common >= $min_common
OPTIONAL MATCH (cl:Claim {researcher_id: c.id})
USING INDEX cl:Claim(researcher_id)
WHERE cl.status = 'approved' AND cl.collab_open = true
WITH r, c, common, ra, aa, count(cl) > 0 AS open
WITH r, collect({c: c, common: common, ra: ra, aa: aa, open: open,
                 rank: CASE WHEN $open_first AND open THEN 0 ELSE 1 END}) AS candidates
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
       x.open AS open_to_collaborate
ORDER BY x.rank, resource_allocation DESC, common_coauthors_count DESC, topic_overlap DESC,
         name, id
LIMIT $limit
