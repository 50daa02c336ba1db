// Every name count.
// params: none
MATCH (n:NameCount)
RETURN n.key AS key, n.n AS n
ORDER BY key
