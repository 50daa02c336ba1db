// Every aggregated affiliation.
// params: none
MATCH (r:Researcher)-[x:AFFILIATED_WITH]->(i:Institution)
RETURN r.id AS researcher, i.id AS institution, x.first_year AS first_year,
       x.last_year AS last_year, x.works AS works
ORDER BY researcher, institution
