// Aggregated affiliations: first and last year and number of works with that institution.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (i:Institution {id: row.institution})
CREATE (r)-[:AFFILIATED_WITH {first_year: row.first_year, last_year: row.last_year,
                              works: row.works}]->(i)
