// Layer: add to researchers' work counts per topic (all works, personal works).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (t:Topic {id: row.topic})
MERGE (r)-[x:WORKS_IN]->(t)
ON CREATE SET x.works = row.works, x.personal = row.personal
ON MATCH SET x.works = x.works + row.works, x.personal = x.personal + row.personal
