// Researchers whose folded names and aliases contain every word of the folded query: an exact
// name first, then a name starting with the query, then names containing the whole query, then
// the words apart ("zhi-qin xu" finds "Zhi-Qin John Xu").
// search_text joins names with ' | ': q_bar = ' | ' + q, q_end = q + ' | ', q_mid = ' | ' + q + ' | '.
// `longest` (the longest word) alone lets Neo4j's text index find the candidates.
// params: q, q_bar, q_end, q_mid, longest, words, limit
MATCH (r:Researcher)
WHERE r.search_text CONTAINS $longest AND all(w IN $words WHERE r.search_text CONTAINS w)
WITH r,
     CASE
       WHEN r.search_text = $q OR r.search_text STARTS WITH $q_end
            OR r.search_text ENDS WITH $q_bar OR r.search_text CONTAINS $q_mid THEN 0
       WHEN r.search_text STARTS WITH $q OR r.search_text CONTAINS $q_bar THEN 1
       WHEN r.search_text CONTAINS $q THEN 2
       ELSE 3
     END AS rank,
     r.works_count AS works_count
RETURN r.id AS id, r.name AS name, r.aliases AS aliases, works_count, rank
ORDER BY rank, works_count DESC, name, id
LIMIT $limit
