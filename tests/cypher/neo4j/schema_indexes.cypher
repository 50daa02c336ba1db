// The indexes Neo4j holds, including those backing the uniqueness constraints.
// params: none
SHOW INDEXES YIELD name, state
RETURN name, state
