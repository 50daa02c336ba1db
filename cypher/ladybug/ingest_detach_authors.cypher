// Remove the authorships of works about to be replaced by a newer version.
// Ladybug: each id looked up (UNWIND, then {id: x}), then OPTIONAL MATCH from it: a MATCH of the
// relationship after the look-ups is planned as a hash join with every relationship of the type
// (bench/RESULTS.md: the write path's scans).
// params: ids
UNWIND $ids AS id
MATCH (w:Work {arxiv_id: id})
OPTIONAL MATCH (w)<-[a:AUTHORED]-(:Researcher)
WITH a
WHERE a IS NOT NULL
DELETE a
