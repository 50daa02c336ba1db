// Delete these name words where no researcher has them any more (after their researchers were
// unlinked or deleted). Each word looked up, then OPTIONAL MATCH from it.
// params: words
UNWIND $words AS w
MATCH (k:NameWord {word: w})
OPTIONAL MATCH (k)<-[l:HAS_WORD]-(:Researcher)
WITH k, count(l) AS links
WHERE links = 0
DELETE k
