// Delete the whole graph (used by `graphsvc reset` and the tests).
// params: none
MATCH (n)
DETACH DELETE n
