// Node and relationship counts by kind.
// params: none
MATCH (n:Researcher) RETURN 'Researcher' AS kind, count(n) AS n
UNION ALL MATCH (n:Work) RETURN 'Work' AS kind, count(n) AS n
UNION ALL MATCH (n:Topic) RETURN 'Topic' AS kind, count(n) AS n
UNION ALL MATCH (n:Institution) RETURN 'Institution' AS kind, count(n) AS n
UNION ALL MATCH ()-[e:AUTHORED]->() RETURN 'AUTHORED' AS kind, count(e) AS n
UNION ALL MATCH ()-[e:HAS_TOPIC]->() RETURN 'HAS_TOPIC' AS kind, count(e) AS n
UNION ALL MATCH ()-[e:AFFILIATED_WITH]->() RETURN 'AFFILIATED_WITH' AS kind, count(e) AS n
