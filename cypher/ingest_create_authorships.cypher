// Credit researchers on works, in author order, with the institutions given on that work;
// returns how many were created (the writer checks that every row found its two ends).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (w:Work {arxiv_id: row.work})
CREATE (r)-[:AUTHORED {position: row.position, institutions: row.institutions}]->(w)
RETURN count(*) AS created
