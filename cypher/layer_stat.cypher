// A graph-wide count (no row when never set).
// params: id
MATCH (s:Stat {id: $id})
RETURN s.n AS n
