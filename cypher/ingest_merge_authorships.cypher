// Move the authorships of researchers found to be another researcher onto that researcher.
// params: rows
UNWIND $rows AS row
MATCH (old:Researcher {id: row.old_id})-[a:AUTHORED]->(w:Work)
MATCH (new:Researcher {id: row.new_id})
CREATE (new)-[:AUTHORED {position: a.position, institutions: a.institutions}]->(w)
DELETE a
