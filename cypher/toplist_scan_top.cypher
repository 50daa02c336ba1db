// Topic lists: the researchers with the most personal works in a topic (then by id).
// params: topic, limit
MATCH (t:Topic {id: $topic})<-[x:WORKS_IN]-(r:Researcher)
WHERE x.personal > 0
RETURN r.id AS researcher, x.personal AS personal
ORDER BY personal DESC, researcher
LIMIT $limit
