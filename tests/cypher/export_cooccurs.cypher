// Layer: every topic pair count (stored from the smaller id).
// params: none
MATCH (x:Topic)-[c:COOCCURS]->(y:Topic)
RETURN x.id AS a, y.id AS b, c.works AS works
ORDER BY a, b
