// Layer rebuild: zero every team's counts.
// params: none
MATCH (t:Team)
SET t.works = 0, t.members = 0
