// The works (year >= since; personal ones only unless $all_works) a researcher shares with
// each given co-author, with their year, date and topics. Starts from the co-authors, whose
// works are checked against the researcher (no walk through a team roster).
// params: id, ids, since, all_works
MATCH (c:Researcher)-[:AUTHORED]->(w:Work)
WHERE c.id IN $ids AND coalesce(w.year, 0) >= $since
      AND ($all_works OR NOT coalesce(w.team_work, false))
WITH DISTINCT c, w
MATCH (w)<-[:AUTHORED]-(r:Researcher {id: $id})
OPTIONAL MATCH (w)-[:HAS_TOPIC]->(t:Topic)
WITH c, w, collect(t.id) AS topics
RETURN c.id AS collaborator, w.arxiv_id AS arxiv_id, w.year AS year, w.published AS published,
       topics
