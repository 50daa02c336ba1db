// Researchers whose block key is one of these, for author-name resolution.
// params: blocks
MATCH (r:Researcher)
WHERE r.block_key IN $blocks
RETURN r.id AS id, r.name AS name, r.aliases AS aliases, r.block_key AS block_key,
       coalesce(r.block_peer, false) AS block_peer
