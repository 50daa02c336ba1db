// Tests only: earlier versions created no text index on Ladybug, so there is nothing to create
// (the shared version creates the one Neo4j had; only a Neo4j test runs it).
// params: none
RETURN 1 AS nothing
