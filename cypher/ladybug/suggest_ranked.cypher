// Suggested collaborators: researchers two personal co-authorship hops away who are not yet
// personal co-authors, with link-prediction scores over the common co-authors z (hubs with more
// than $hub_max personal co-authors skipped): resource allocation sum(1/deg z), Adamic-Adar
// sum(1/ln deg z); and topic overlap, the Jaccard index of the two topic sets (WORKS_IN).
// Ranked by resource allocation, common co-authors, topic overlap (descending), name, id;
// with $open_first, researchers open to collaborate (an approved claim with collab_open) first.
// Ladybug: ln() is the natural logarithm (log() is base 10 here; Neo4j: log()).
// params: id, hub_max, min_common, limit, open_first
MATCH (r:Researcher {id: $id})-[:COAUTHOR]-(z:Researcher)
WHERE z.coauthors_count <= $hub_max
MATCH (z)-[:COAUTHOR]-(c:Researcher)
WHERE c <> r AND NOT EXISTS { MATCH (r)-[:COAUTHOR]-(c) }
WITH r, c, count(z) AS common, sum(1.0 / z.coauthors_count) AS ra,
     sum(1.0 / ln(z.coauthors_count * 1.0)) AS aa
WHERE common >= $min_common
OPTIONAL MATCH (c)-[:WORKS_IN]->(t:Topic)<-[:WORKS_IN]-(r)
WITH r, c, common, ra, aa, count(t) AS shared
WITH c, common, shared, round(ra, 6) AS resource_allocation, round(aa, 6) AS adamic_adar,
     CASE WHEN r.topics_count + c.topics_count - shared > 0
          THEN round(shared * 1.0 / (r.topics_count + c.topics_count - shared), 6)
          ELSE 0.0 END AS topic_overlap
OPTIONAL MATCH (cl:Claim)
WHERE cl.researcher_id = c.id AND cl.status = 'approved' AND cl.collab_open = true
WITH c, common, shared, resource_allocation, adamic_adar, topic_overlap,
     count(cl) > 0 AS open_to_collaborate
RETURN c.id AS id, c.name AS name, common AS common_coauthors_count,
       shared AS shared_topics_count, resource_allocation, adamic_adar, topic_overlap,
       open_to_collaborate
ORDER BY CASE WHEN $open_first AND open_to_collaborate THEN 0 ELSE 1 END,
         resource_allocation DESC, common_coauthors_count DESC, topic_overlap DESC, name, id
LIMIT $limit
