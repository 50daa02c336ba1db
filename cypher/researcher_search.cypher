// Researchers whose folded names and aliases contain every word of the folded query, ranked:
// 0 a name or alias is the query; 1 every query word is a whole word of a name or alias (words
// are separated by spaces and hyphens: "xu" is a word of "zhi-qin john xu", and so are "zhi" and
// "zhi-qin"); 2 the query starts a word of a name or alias ("xu" starts "xuan"); 3 the query is
// inside a name or alias ("hanxu"); 4 the query's words are apart ("zhi-qin xu" finds
// "Zhi-Qin John Xu"). Ties: more works first, then name, then id.
// search_text joins names with ' | ': q_bar = ' | ' + q, q_end = q + ' | ', q_mid = ' | ' + q + ' | '.
// `spaced` is search_text as words: hyphens become spaces and two spaces separate the names (no
// match spans two names); whole_words = [' ' + word + ' '] and word_start = ' ' + q, both with
// hyphens as spaces.
// `longest` (the longest word) alone lets Neo4j's text index find the candidates.
// `open_only`: only researchers open to collaborate (an approved claim with collab_open).
// The scan keeps only the rows containing the longest word before the other tests (a WITH
// between them): in one WHERE the embedded engine evaluated the list test and the claim count
// on every researcher (135 to 205 ms of CPU a query at 100,000 works, against 30 to 85 split);
// Neo4j runs both forms alike (bench/RESULTS.md).
// params: q, q_bar, q_end, q_mid, whole_words, word_start, longest, words, open_only, limit
MATCH (r:Researcher)
WHERE r.search_text CONTAINS $longest
WITH r
WHERE all(w IN $words WHERE r.search_text CONTAINS w)
  AND (NOT $open_only OR COUNT {
         MATCH (c:Claim)
         WHERE c.researcher_id = r.id AND c.status = 'approved' AND c.collab_open = true
       } > 0)
WITH r, ' ' + replace(replace(r.search_text, ' | ', '  '), '-', ' ') + ' ' AS spaced
WITH r,
     CASE
       WHEN r.search_text = $q OR r.search_text STARTS WITH $q_end
            OR r.search_text ENDS WITH $q_bar OR r.search_text CONTAINS $q_mid THEN 0
       WHEN all(w IN $whole_words WHERE spaced CONTAINS w) THEN 1
       WHEN spaced CONTAINS $word_start THEN 2
       WHEN r.search_text CONTAINS $q THEN 3
       ELSE 4
     END AS rank,
     r.works_count AS works_count
RETURN r.id AS id, r.name AS name, r.aliases AS aliases, works_count, rank
ORDER BY rank, works_count DESC, name, id
LIMIT $limit
