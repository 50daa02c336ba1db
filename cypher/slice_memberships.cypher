// The MEMBER_OF relationships between the given researchers and teams.
// params: ids, teams
MATCH (r:Researcher)-[:MEMBER_OF]->(t:Team)
WHERE r.id IN $ids AND t.id IN $teams
RETURN r.id AS researcher, t.id AS team
ORDER BY researcher, team
