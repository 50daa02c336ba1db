// Layer: researcher-topic counts of researchers created in this transaction (no relationship
// to merge with yet).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (t:Topic {id: row.topic})
CREATE (r)-[:WORKS_IN {works: row.works, personal: row.personal}]->(t)
