// Topic lists: the personal works of researchers in topics (rows of topic, id; absent: none).
// (Both ends matched first, then the relationship: Ladybug plans the one-pattern form as a scan.)
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.id})
MATCH (t:Topic {id: row.topic})
MATCH (r)-[x:WORKS_IN]->(t)
RETURN t.id AS topic, r.id AS researcher, x.personal AS personal
