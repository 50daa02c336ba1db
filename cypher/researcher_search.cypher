// Researchers whose folded name or alias contains the folded query: exact, then prefix, then others.
// search_text joins names with ' | ': q_bar = ' | ' + q, q_end = q + ' | ', q_mid = ' | ' + q + ' | '.
// params: q, q_bar, q_end, q_mid, limit
MATCH (r:Researcher)
WHERE r.search_text CONTAINS $q
WITH r,
     CASE
       WHEN r.search_text = $q OR r.search_text STARTS WITH $q_end
            OR r.search_text ENDS WITH $q_bar OR r.search_text CONTAINS $q_mid THEN 0
       WHEN r.search_text STARTS WITH $q OR r.search_text CONTAINS $q_bar THEN 1
       ELSE 2
     END AS rank,
     COUNT { MATCH (r)-[:AUTHORED]->(:Work) } AS works_count
RETURN r.id AS id, r.name AS name, r.aliases AS aliases, works_count, rank
ORDER BY rank, works_count DESC, name, id
LIMIT $limit
