// The works (year >= since; team works included) a researcher shares with each given
// co-author, with their year, date and topics: one row per co-author, its works packed in a
// list (one record per work cost the Neo4j driver about 25 us each: 275 works for the most
// prolific researcher at 1,000,000 works). The co-authors' works and the researcher's are
// joined on the work (USING JOIN), so neither side walks a team roster: on Neo4j checking each
// co-author's work against the researcher one by one (Expand(Into)) cost 16 db hits a row,
// 67,000 for the researcher with the most co-authors at 1,000,000 works (23 ms), against
// 14,500 (9 ms) joined. Personal works only: collaborators_shared_personal_works.
// params: id, ids, since
MATCH (c:Researcher)-[:AUTHORED]->(w:Work)<-[:AUTHORED]-(r:Researcher {id: $id})
USING JOIN ON w
WHERE c.id IN $ids AND coalesce(w.year, 0) >= $since
WITH DISTINCT c, w
OPTIONAL MATCH (w)-[:HAS_TOPIC]->(t:Topic)
WITH c, w, collect(t.id) AS topics
RETURN c.id AS collaborator,
       collect({arxiv_id: w.arxiv_id, year: w.year, published: w.published,
                topics: topics}) AS works
