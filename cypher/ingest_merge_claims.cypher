// Claims on merged researchers move to the researcher they merged into. Should both hold an
// approved claim (the merge checks refuse that; this covers a race), the moved one goes back
// to pending for a reviewer. Run before the merged records are deleted.
// params: rows
UNWIND $rows AS row
MATCH (c:Claim)
WHERE c.researcher_id = row.old_id
OPTIONAL MATCH (k:Claim)
WHERE k.researcher_id = row.new_id AND k.status = 'approved'
WITH row, c, count(k) AS owners
SET c.researcher_id = row.new_id,
    c.status = CASE WHEN c.status = 'approved' AND owners > 0 THEN 'pending' ELSE c.status END
