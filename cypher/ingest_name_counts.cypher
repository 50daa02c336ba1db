// How many researchers carry each of these name keys ("all", "f|<family>", "g|<given>").
// params: keys
UNWIND $keys AS key
MATCH (n:NameCount {key: key})
RETURN n.key AS key, n.n AS n
