// Layer: every researcher's stored counts.
// params: none
MATCH (r:Researcher)
RETURN r.id AS id, r.works_count AS works, r.topics_count AS topics,
       r.coauthors_count AS coauthors, coalesce(r.block_peer, false) AS block_peer
ORDER BY id
