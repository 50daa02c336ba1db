// How many researchers carry each of these name keys ("all", "f|<family>", "g|<given>").
// One row with a list, not a row each: the Neo4j driver takes about 36 us a row
// (bench/RESULTS.md: "Researcher search in tiers").
// params: keys
UNWIND $keys AS key
MATCH (n:NameCount {key: key})
RETURN collect({key: n.key, n: n.n}) AS counts
