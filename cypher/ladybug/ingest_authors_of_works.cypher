// The researchers currently credited on these works (before a newer version replaces them),
// and the most institutions any of those authorships names (0: none, so replacing them leaves
// the researcher's aggregated affiliations as they are).
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it. Ladybug plans
// `id IN $ids` as a scan of the whole table, and a plain MATCH after the UNWIND as a hash join
// with every relationship of the type.
// One row with a list, the shape of the shared version (for Neo4j's driver, which takes about
// 36 us a row; the embedded engine gains nothing: bench/RESULTS.md, "The write path's last row
// reads as one list").
// params: ids
UNWIND $ids AS id
MATCH (w:Work {arxiv_id: id})
OPTIONAL MATCH (w)<-[a:AUTHORED]-(r:Researcher)
WITH r, a
WHERE r IS NOT NULL
WITH r, max(size(a.institutions)) AS institutions
RETURN collect({id: r.id, block_key: r.block_key, institutions: institutions}) AS authors
