// Every merged researcher id: where it went and what undoing the merge needs.
// params: none
MATCH (m:MergedId)
RETURN m.id AS id, m.into AS into, m.works AS works, m.name AS name, m.aliases AS aliases,
       m.into_aliases AS into_aliases
ORDER BY id
