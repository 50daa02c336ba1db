// Create teams (counts start at zero) or store the spellings seen of them.
// params: rows
UNWIND $rows AS row
MERGE (t:Team {id: row.id})
ON CREATE SET t.name = row.name, t.works = 0, t.members = 0
SET t.aliases = row.aliases
