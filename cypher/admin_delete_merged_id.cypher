// Forget a merged id (its merge was undone).
// params: id
MATCH (m:MergedId {id: $id})
DELETE m
