// Add new works to aggregated affiliations: widen the year range, add to the work count
// (rows aggregate works not yet counted, per researcher and institution; a negative year is
// unknown).
// params: rows
UNWIND $rows AS row
MATCH (r:Researcher {id: row.researcher})
MATCH (i:Institution {id: row.institution})
MERGE (r)-[x:AFFILIATED_WITH]->(i)
ON CREATE SET x.first_year = CASE WHEN row.first_year < 0 THEN null ELSE row.first_year END,
              x.last_year = CASE WHEN row.last_year < 0 THEN null ELSE row.last_year END,
              x.works = row.works
ON MATCH SET
  x.first_year = CASE
    WHEN row.first_year < 0 THEN x.first_year
    WHEN x.first_year IS NULL OR row.first_year < x.first_year THEN row.first_year
    ELSE x.first_year END,
  x.last_year = CASE
    WHEN row.last_year < 0 THEN x.last_year
    WHEN x.last_year IS NULL OR row.last_year > x.last_year THEN row.last_year
    ELSE x.last_year END,
  x.works = x.works + row.works
