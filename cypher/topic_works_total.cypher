// The number of works that have at least one topic (N in the lift of co-occurring topics).
// params: none
MATCH (w:Work)-[:HAS_TOPIC]->(:Topic)
RETURN count(DISTINCT w) AS n
