// A researcher's aggregated affiliations, most works first.
// params: id
MATCH (r:Researcher {id: $id})-[x:AFFILIATED_WITH]->(i:Institution)
RETURN i.id AS id, i.name AS name, x.first_year AS first_year, x.last_year AS last_year,
       x.works AS works
ORDER BY works DESC, id
