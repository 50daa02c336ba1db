// The researchers currently credited on these works (before a newer version replaces them),
// and the most institutions any of those authorships names (0: none, so replacing them leaves
// the researcher's aggregated affiliations as they are).
// params: ids
UNWIND $ids AS id
MATCH (w:Work {arxiv_id: id})<-[a:AUTHORED]-(r:Researcher)
RETURN r.id AS id, r.block_key AS block_key, max(size(a.institutions)) AS institutions
