// Researchers of the name words `candidates` whose folded names and aliases contain every
// word of the folded query, ranked:
// 0 a name or alias is the query; 1 every query word is a whole word of a name or alias (words
// are separated by spaces and hyphens: "xu" is a word of "zhi-qin john xu", and so are "zhi" and
// "zhi-qin"); 2 the query starts a word of a name or alias ("xu" starts "xuan"); 3 the query is
// inside a name or alias ("hanxu"); 4 the query's words are apart ("zhi-qin xu" finds
// "Zhi-Qin John Xu"). Ties: more works first, then name, then id. Only ranks up to `max_rank`.
// search_text joins names with ' | ': q_bar = ' | ' + q, q_end = q + ' | ', q_mid = ' | ' + q + ' | '.
// `spaced` is search_text as words: hyphens become spaces and two spaces separate the names (no
// match spans two names); whole_words = [' ' + word + ' '] and word_start = ' ' + q, both with
// hyphens as spaces.
// Candidates: the researchers of `candidates`, name words (NameWord) that contain the query's
// longest word (researcher_search_words), all of them or a tier of them: the service ranks the
// researchers of whole-word matches first (graphsvc/services/researcher_search.py). A query word
// has no space, so it is inside a name exactly when it is inside one of the name's words. Every
// query word is then tested on the names (the separators taken out: a word is never the ' | '
// between two names).
// `open_only`: only researchers open to collaborate (an approved claim with collab_open), read
// from the candidate's claims. (A COUNT of claims matched by `researcher_id` let closed
// researchers through on the embedded engine when candidates were many: tests/api.)
// params: q, q_bar, q_end, q_mid, whole_words, word_start, words, candidates, max_rank, open_only, limit
MATCH (k:NameWord)
WHERE k.word IN $candidates
MATCH (k)<-[:HAS_WORD]-(r:Researcher)
WITH DISTINCT r
WITH r, replace(r.search_text, ' | ', '  ') AS names
WHERE all(w IN $words WHERE names CONTAINS w)
  AND (NOT $open_only OR COUNT {
         MATCH (c:Claim)-[:CLAIMS]->(r)
         WHERE c.status = 'approved' AND c.collab_open = true
       } > 0)
WITH r, ' ' + replace(names, '-', ' ') + ' ' AS spaced
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
WHERE rank <= $max_rank
RETURN r.id AS id, r.name AS name, r.aliases AS aliases, works_count, rank
ORDER BY rank, works_count DESC, name, id
LIMIT $limit
