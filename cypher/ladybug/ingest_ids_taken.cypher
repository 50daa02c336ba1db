// Which of these ids a researcher has or once had (a merged record's id stays reserved): a new
// record takes none of them.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS x
MATCH (r:Researcher {id: x})
RETURN r.id AS id
UNION ALL
UNWIND $ids AS x
MATCH (m:MergedId {id: x})
RETURN m.id AS id
