// Aggregated affiliations (see ingest_upsert_works for why years are cast on Ladybug).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (i:Institution {id: row.institution})
CREATE (r)-[:AFFILIATED_WITH {first_year: CAST(row.first_year AS INT64),
                              last_year: CAST(row.last_year AS INT64),
                              works: row.works}]->(i)
