// Layer: set a graph-wide count.
// params: id, n
MERGE (s:Stat {id: $id})
SET s.n = $n
