// Topic lists: the personal works of researchers in topics (rows of topic, id; absent: none).
// (Both ends matched first, then the relationship: Ladybug plans the one-pattern form as a scan.)
// One row with a list, not a row each: the Neo4j driver takes about 36 us a row
// (bench/RESULTS.md: "Researcher search in tiers").
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.id})
MATCH (t:Topic {id: row.topic})
MATCH (r)-[x:WORKS_IN]->(t)
RETURN collect({topic: t.id, researcher: r.id, personal: x.personal}) AS rows
