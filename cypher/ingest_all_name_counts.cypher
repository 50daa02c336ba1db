// Every name count ("all", "f|<family>", "g|<given>"): read once when an ingest keeps its
// resolution state resident.
// params: none
MATCH (n:NameCount)
RETURN n.key AS key, n.n AS n
