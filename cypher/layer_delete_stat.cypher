// Layer: forget a graph-wide count.
// params: id
MATCH (s:Stat {id: $id})
DELETE s
