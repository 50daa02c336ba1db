// One researcher with its work and topic counts and the years of its works (no row if unknown).
// params: id
MATCH (r:Researcher {id: $id})
OPTIONAL MATCH (r)-[:AUTHORED]->(w:Work)
WITH r, count(DISTINCT w) AS works_count, min(w.year) AS first_year, max(w.year) AS last_year
OPTIONAL MATCH (r)-[:AUTHORED]->(:Work)-[:HAS_TOPIC]->(t:Topic)
RETURN r.id AS id, r.name AS name, r.aliases AS aliases, works_count,
       count(DISTINCT t) AS topics_count, first_year, last_year
