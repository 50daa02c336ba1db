// How many nodes and relationships the graph holds, whatever their labels and types
// (`graphsvc reset` reports them; counted before the kind is named: a grouping key over no rows
// gives no row at all).
// params: none
MATCH (n) WITH count(n) AS n RETURN 'nodes' AS kind, n
UNION ALL MATCH ()-[r]->() WITH count(r) AS n RETURN 'relationships' AS kind, n
