// Name, aliases and block flag of these researchers (the ones that exist).
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})
RETURN r.id AS id, r.name AS name, r.aliases AS aliases,
       coalesce(r.block_peer, false) AS block_peer
ORDER BY id
