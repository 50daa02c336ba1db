// The researchers currently credited on these works (before a newer version replaces them),
// and the most institutions any of those authorships names (0: none, so replacing them leaves
// the researcher's aggregated affiliations as they are).
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// params: ids
UNWIND $ids AS id
MATCH (w:Work {arxiv_id: id})
OPTIONAL MATCH (w)<-[a:AUTHORED]-(r:Researcher)
WITH r, a
WHERE r IS NOT NULL
RETURN r.id AS id, r.block_key AS block_key, max(size(a.institutions)) AS institutions
