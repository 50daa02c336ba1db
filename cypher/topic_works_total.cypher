// The number of works that have at least one topic (N in the lift; layer).
// params: none
MATCH (s:Stat {id: 'works_with_topic'})
RETURN s.n AS n
