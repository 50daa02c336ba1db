// Link researchers to the words of their names; returns how many links were created (the
// caller checks that every row found its researcher and word).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.id})
MATCH (k:NameWord {word: row.word})
CREATE (r)-[:HAS_WORD]->(k)
RETURN count(*) AS created
