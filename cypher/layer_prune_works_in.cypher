// Layer: drop researcher-topic counts that reached zero.
// (Both ends matched first, then the relationship: Ladybug plans the one-pattern form as a scan.)
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (t:Topic {id: row.topic})
MATCH (r)-[x:WORKS_IN]->(t)
WHERE x.works <= 0
DELETE x
