// Layer: add to a graph-wide count.
// params: id, n
MERGE (s:Stat {id: $id})
ON CREATE SET s.n = $n
ON MATCH SET s.n = s.n + $n
