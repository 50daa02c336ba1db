// One researcher (the centre of a graph slice) with the sizes of its rings (to tell whether
// the slice is truncated), from the layer; no row if unknown.
// params: id
MATCH (r:Researcher {id: $id})
RETURN r.id AS id, r.name AS name, r.coauthors_count AS coauthors,
       r.works_count - COUNT { MATCH (r)-[:AUTHORED]->(w:Work) WHERE w.team_work } AS works,
       COUNT { MATCH (r)-[:MEMBER_OF]->(:Team) } AS teams
