// Claims on merged researchers move to the researcher they merged into (the link, and the id
// kept on the claim). Should both hold an approved claim (the merge checks refuse that; this
// covers a race), the moved one goes back to pending for a reviewer. Run before the merged
// records are deleted (which deletes the old links).
// params: rows
UNWIND $rows AS row
MATCH (old:Researcher {id: row.old_id})
MATCH (new:Researcher {id: row.new_id})
OPTIONAL MATCH (k:Claim)-[:CLAIMS]->(new)
WITH row, old, new, sum(CASE WHEN k.status = 'approved' THEN 1 ELSE 0 END) AS owners
OPTIONAL MATCH (c:Claim)-[:CLAIMS]->(old)
WITH row, new, owners, c
WHERE c IS NOT NULL
CREATE (c)-[:CLAIMS]->(new)
SET c.researcher_id = row.new_id,
    c.status = CASE WHEN c.status = 'approved' AND owners > 0 THEN 'pending' ELSE c.status END
