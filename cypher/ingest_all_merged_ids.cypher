// Every id a merged record once had (reserved: no new record takes one); read once when an
// ingest keeps its resolution state resident.
// params: none
MATCH (m:MergedId)
RETURN m.id AS id
