// Accounts following a merged researcher follow the one it merged into (once, keeping the
// earlier follow's date when they followed both). Run before the merged records are deleted.
// params: rows
UNWIND $rows AS row
MATCH (a:Account)-[f:FOLLOWS]->(old:Researcher)
WHERE old.id = row.old_id
MATCH (new:Researcher)
WHERE new.id = row.new_id
MERGE (a)-[g:FOLLOWS]->(new)
ON CREATE SET g.since = f.since
DELETE f
