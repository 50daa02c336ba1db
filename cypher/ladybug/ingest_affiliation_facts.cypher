// The (work year, institutions) of a researcher's authorships that name institutions.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
OPTIONAL MATCH (r)-[a:AUTHORED]->(w:Work)
WITH r, a, w
WHERE w IS NOT NULL AND size(a.institutions) > 0
RETURN r.id AS researcher, w.arxiv_id AS work, w.year AS year, a.institutions AS institutions
