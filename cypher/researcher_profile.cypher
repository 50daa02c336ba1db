// One researcher with its counts (works, topics: from the layer) and the years and number of
// team works among its works (no row if unknown).
// params: id
MATCH (r:Researcher {id: $id})
OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)
WITH r, min(w.year) AS first_year, max(w.year) AS last_year,
     sum(CASE WHEN w.team_work THEN 1 ELSE 0 END) AS team_works
RETURN r.id AS id, r.name AS name, r.aliases AS aliases, r.works_count AS works_count,
       r.topics_count AS topics_count, r.coauthors_count AS coauthors_count, team_works,
       first_year, last_year
