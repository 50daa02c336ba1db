// Databases created before the name-word index (graphsvc/store/name_words.py): first whether
// there are fewer HAS_WORD links than researchers (every researcher has at least one word; no
// row when there is no researcher), then each researcher linked to the words of its search text
// (the separator '|' is no word). MERGE: a record written since already has its links.
// Ladybug calls Neo4j's split() string_split(). Words and links merged row by row in one
// pass (as on Neo4j) made one link per word here: the words are merged first, then linked.
MATCH ()-[l:HAS_WORD]->()
WITH count(l) AS links
MATCH (n:Researcher)
WITH links, count(n) AS nodes
RETURN links < nodes AS needed;
MATCH (r:Researcher)
UNWIND string_split(r.search_text, ' ') AS word
WITH DISTINCT word
WHERE word <> '|' AND word <> ''
MERGE (k:NameWord {word: word})
WITH count(*) AS made
MATCH (r:Researcher)
UNWIND string_split(r.search_text, ' ') AS word
WITH DISTINCT r, word
WHERE word <> '|' AND word <> ''
MATCH (k:NameWord {word: word})
MERGE (r)-[:HAS_WORD]->(k);
