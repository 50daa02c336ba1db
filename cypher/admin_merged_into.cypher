// The merged ids that point at a researcher, with the works each brought.
// params: id
MATCH (m:MergedId)
WHERE m.into = $id
RETURN m.id AS id, m.works AS works
ORDER BY id
