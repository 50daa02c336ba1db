// Layer: every personal co-author pair (stored from the smaller id).
// params: none
MATCH (x:Researcher)-[e:COAUTHOR]->(y:Researcher)
RETURN x.id AS a, y.id AS b, e.works AS works, e.newman AS newman
ORDER BY a, b
