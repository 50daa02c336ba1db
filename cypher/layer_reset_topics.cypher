// Layer rebuild: zero every topic's work count.
// params: none
MATCH (t:Topic)
SET t.works = 0
