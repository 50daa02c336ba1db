// Every name word with each researcher that has it (a word without one: researcher null).
// params: none
MATCH (k:NameWord)
OPTIONAL MATCH (k)<-[:HAS_WORD]-(r:Researcher)
RETURN k.word AS word, r.id AS researcher
ORDER BY word, researcher
