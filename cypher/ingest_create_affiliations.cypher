// Aggregated affiliations: first and last year (a negative year: unknown, stored as null) and
// number of works with that institution.
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (i:Institution {id: row.institution})
CREATE (r)-[:AFFILIATED_WITH {
  first_year: CASE WHEN row.first_year < 0 THEN null ELSE row.first_year END,
  last_year: CASE WHEN row.last_year < 0 THEN null ELSE row.last_year END,
  works: row.works}]->(i)
