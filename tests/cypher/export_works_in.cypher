// Layer: every researcher-topic count.
// params: none
MATCH (r:Researcher)-[x:WORKS_IN]->(t:Topic)
RETURN r.id AS researcher, t.id AS topic, x.works AS works, x.personal AS personal
ORDER BY researcher, topic
