// Tests only: a researcher of no team, with personal works, co-authors and topics: the ids the
// stored queries that take lists of ids are given (tests/graph/test_ladybug_plans.py).
// params: none
MATCH (r:Researcher)-[:AUTHORED]->(w:Work)
WHERE NOT coalesce(w.team_work, false) AND COUNT { MATCH (r)-[:MEMBER_OF]->(:Team) } = 0
WITH r, collect(DISTINCT w.arxiv_id) AS works
WHERE size(works) >= 2
MATCH (r)-[:COAUTHOR]-(c:Researcher)
WITH r, works, collect(DISTINCT c.id) AS coauthors
WHERE size(coauthors) >= 2
MATCH (r)-[:WORKS_IN]->(t:Topic)
WITH r, works, coauthors, collect(t.id) AS topics
RETURN r.id AS id, r.block_key AS block, works, coauthors, topics
ORDER BY size(works), size(coauthors), id
LIMIT 1
