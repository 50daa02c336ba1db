// Layer: drop topic pairs whose shared works reached zero.
// (Both ends matched first, then the relationship: Ladybug plans the one-pattern form as a scan.)
// params: rows
UNWIND $rows AS row
MATCH (a:Topic {id: row.a})
MATCH (b:Topic {id: row.b})
MATCH (a)-[c:COOCCURS]->(b)
WHERE c.works <= 0
DELETE c
