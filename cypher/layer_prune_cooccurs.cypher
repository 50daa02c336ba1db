// Layer: drop topic pairs whose shared works reached zero.
// params: rows
UNWIND $rows AS row
MATCH (a:Topic {id: row.a})-[c:COOCCURS]->(b:Topic {id: row.b})
WHERE c.works <= 0
DELETE c
