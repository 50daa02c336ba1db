// Layer: add to researchers' work counts per team.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (t:Team {id: row.team})
MERGE (r)-[m:MEMBER_OF]->(t)
ON CREATE SET m.works = row.works
ON MATCH SET m.works = m.works + row.works
