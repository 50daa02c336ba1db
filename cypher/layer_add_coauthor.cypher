// Layer: add to personal co-authorship pairs (stored once, from the smaller id): shared works
// and Newman's weight.
// params: rows
UNWIND $rows AS row
MATCH (a:Researcher {id: row.a})
MATCH (b:Researcher {id: row.b})
MERGE (a)-[e:COAUTHOR]->(b)
ON CREATE SET e.works = row.works, e.newman = row.newman
ON MATCH SET e.works = e.works + row.works, e.newman = e.newman + row.newman
