// Tests only: an account follows a researcher, for each row (account, researcher).
// params: rows
UNWIND $rows AS row
MATCH (a:Account {id: row.account})
MATCH (r:Researcher {id: row.researcher})
CREATE (a)-[:FOLLOWS {since: 0}]->(r)
