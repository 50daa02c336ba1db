// Works both researchers authored (two records that co-authored are two people).
// params: keep, other
MATCH (a:Researcher {id: $keep})-[:AUTHORED]->(w:Work)
MATCH (b:Researcher {id: $other})-[:AUTHORED]->(w)
RETURN w.arxiv_id AS work
ORDER BY work
