// Topic lists: the personal works in a topic of these researchers (absent when none).
// params: topic, ids
MATCH (t:Topic {id: $topic})
UNWIND $ids AS rid
MATCH (r:Researcher {id: rid})-[x:WORKS_IN]->(t)
RETURN r.id AS researcher, x.personal AS personal
