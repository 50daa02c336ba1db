// Credit researchers on works, in author order, with the institutions given on that work.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (w:Work {arxiv_id: row.work})
CREATE (r)-[:AUTHORED {position: row.position, institutions: row.institutions}]->(w)
