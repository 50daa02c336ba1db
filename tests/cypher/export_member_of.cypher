// Layer: every researcher-team count.
// params: none
MATCH (r:Researcher)-[m:MEMBER_OF]->(t:Team)
RETURN r.id AS researcher, t.id AS team, m.works AS works
ORDER BY researcher, team
