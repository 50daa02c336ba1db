// Layer rebuild: zero these researchers' counts.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.id})
SET r.works_count = 0, r.topics_count = 0, r.coauthors_count = 0
