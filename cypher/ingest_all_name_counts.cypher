// Every name count ("all", "f|<family>", "g|<given>"): read once when an ingest keeps its
// resolution state resident.
// One row with a list, not a row each: the Neo4j driver takes about 36 us a row
// (bench/RESULTS.md: "Researcher search in tiers").
// params: none
MATCH (n:NameCount)
RETURN collect({key: n.key, n: n.n}) AS counts
