// Every graph-wide count.
// params: none
MATCH (s:Stat)
RETURN s.id AS id, s.n AS n
ORDER BY id
