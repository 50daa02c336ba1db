// Tests only: earlier versions created no full-text index on Ladybug, so there is nothing to
// create (the Neo4j version creates the one they made; only a Neo4j test runs it).
// params: none
RETURN 1 AS nothing
