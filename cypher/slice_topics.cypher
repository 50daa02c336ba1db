// The topics of a researcher's works, with how many of their works each has (layer).
// params: id
MATCH (r:Researcher {id: $id})-[x:WORKS_IN]->(t:Topic)
RETURN t.id AS topic, t.name AS name, x.works AS works
ORDER BY works DESC, topic
