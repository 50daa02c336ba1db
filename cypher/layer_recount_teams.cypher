// Layer: recount teams' members (researchers with at least one of their works).
// params: rows
UNWIND $rows AS row
MATCH (t:Team {id: row.id})
WITH t, COUNT { MATCH (t)<-[:MEMBER_OF]-() } AS members
SET t.members = members
