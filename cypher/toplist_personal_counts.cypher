// Topic lists: the personal works of researchers in topics (rows of topic, id; absent: none).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.id})-[x:WORKS_IN]->(t:Topic {id: row.topic})
RETURN t.id AS topic, r.id AS researcher, x.personal AS personal
