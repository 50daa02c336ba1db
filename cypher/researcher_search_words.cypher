// The name words (NameWord) that contain `part`, a search's longest word, as one list: Neo4j's
// text index finds them; the embedded engine reads the words, not every researcher
// (graphsvc/services/researcher_search.py ranks their researchers in tiers). One row, not a row
// per word: the driver takes about 36 us a row, 0.54 s for the 14,952 words holding "ma" among
// 1,841,527 names, 39 ms as a list (bench/RESULTS.md).
// params: part
MATCH (k:NameWord)
WHERE k.word CONTAINS $part
RETURN collect(k.word) AS words
