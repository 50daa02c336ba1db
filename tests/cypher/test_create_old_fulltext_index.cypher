// Tests only (Neo4j): the full-text index on researcher names that earlier versions created.
// params: none
CREATE FULLTEXT INDEX researcher_names IF NOT EXISTS FOR (n:Researcher) ON EACH [n.name, n.search_text]
