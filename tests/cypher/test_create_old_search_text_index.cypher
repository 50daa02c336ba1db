// Tests only (Neo4j): the text index on Researcher.search_text that search read before the name
// words, as a graph made then has it (the schema drops it).
// params: none
CREATE TEXT INDEX researcher_search_text IF NOT EXISTS FOR (n:Researcher) ON (n.search_text)
