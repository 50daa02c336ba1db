// Topic lists: the personal works of researchers in topics (rows of topic, id; absent: none).
// (Neo4j: expand from the researcher, who works in a few topics, and filter on the topic id.
// Matching the topic first and checking the relationship between the two bound nodes was 15 s
// per 1,000 rows when one new paper had just given the topic 10,000 researchers. The index
// hint: planned on statistics of a graph still empty, the researcher was found by scanning the
// index for each row, 146 s for one 10,000-author paper in the transaction that wrote them.)
// One row with a list, not a row each: the Neo4j driver takes about 36 us a row
// (bench/RESULTS.md: "Researcher search in tiers").
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.id})-[x:WORKS_IN]->(t:Topic)
USING INDEX r:Researcher(id)
WHERE t.id = row.topic
RETURN collect({topic: t.id, researcher: r.id, personal: x.personal}) AS rows
