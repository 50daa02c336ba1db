// Delete these name words where no researcher has them any more (after their researchers were
// unlinked or deleted). Each word looked up; on Neo4j EXISTS stops at the first researcher (a
// word such as "j." has thousands), the embedded engine walks the word's links (no scan).
// params: words
UNWIND $words AS w
MATCH (k:NameWord {word: w})
WHERE NOT EXISTS { MATCH (k)<-[:HAS_WORD]-(:Researcher) }
DELETE k
