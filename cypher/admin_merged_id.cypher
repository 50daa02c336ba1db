// A merged researcher id: where it went and what undoing the merge needs.
// params: id
MATCH (m:MergedId {id: $id})
RETURN m.id AS id, m.into AS into, m.works AS works, m.name AS name, m.aliases AS aliases,
       m.into_aliases AS into_aliases
