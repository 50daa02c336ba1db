// Layer: researcher-team counts of researchers created in this transaction.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (t:Team {id: row.team})
CREATE (r)-[:MEMBER_OF {works: row.works}]->(t)
