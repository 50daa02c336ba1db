// Whether the graph holds any node (a bulk load needs an empty graph).
// params: none
MATCH (n)
RETURN 1 AS found
LIMIT 1
