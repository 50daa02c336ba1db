// Link works to the teams they name.
// params: rows
UNWIND $rows AS row
MATCH (w:Work {arxiv_id: row.work})
MATCH (t:Team {id: row.team})
CREATE (w)-[:BY_TEAM]->(t)
