// Layer: drop researcher-topic counts that reached zero.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})-[x:WORKS_IN]->(t:Topic {id: row.topic})
WHERE x.works <= 0
DELETE x
