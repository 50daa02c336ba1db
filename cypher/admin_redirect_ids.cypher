// Point these merged ids at another researcher.
// params: ids, into
UNWIND $ids AS id
MATCH (m:MergedId {id: id})
SET m.into = $into
