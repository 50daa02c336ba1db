// Every researcher id (a layer rebuild; a resident ingest state), unordered.
// One row with a list, not a row each: the Neo4j driver takes about 36 us a row
// (bench/RESULTS.md: "Researcher search in tiers").
// params: none
MATCH (r:Researcher)
RETURN collect(r.id) AS ids
