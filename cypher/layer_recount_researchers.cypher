// Layer: recount researchers' topics and personal co-authors from their layer relationships.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.id})
WITH r, COUNT { MATCH (r)-[:WORKS_IN]->() } AS topics,
     COUNT { MATCH (r)-[:COAUTHOR]-() } AS coauthors
SET r.topics_count = topics, r.coauthors_count = coauthors
