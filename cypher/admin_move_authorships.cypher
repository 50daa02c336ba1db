// Move the authorships of these works from one researcher to another (position and
// institutions kept).
// params: works, source, target
UNWIND $works AS work
MATCH (s:Researcher {id: $source})-[a:AUTHORED]->(w:Work {arxiv_id: work})
MATCH (t:Researcher {id: $target})
CREATE (t)-[:AUTHORED {position: a.position, institutions: a.institutions}]->(w)
DELETE a
