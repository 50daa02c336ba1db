// Layer: the topics, teams and co-authors researchers are linked to (before a recompute).
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[:WORKS_IN]->(t:Topic)
RETURN r.id AS id, 'topic' AS kind, t.id AS other
UNION ALL
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[:MEMBER_OF]->(t:Team)
RETURN r.id AS id, 'team' AS kind, t.id AS other
UNION ALL
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[:COAUTHOR]-(c:Researcher)
RETURN r.id AS id, 'coauthor' AS kind, c.id AS other
