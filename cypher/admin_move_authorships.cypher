// Move the authorships of these works from one researcher to another (position and
// institutions kept).
// (Both ends matched first, then the relationship: Ladybug plans the one-pattern form as a scan.)
// params: works, source, target
UNWIND $works AS work
MATCH (s:Researcher {id: $source})
MATCH (w:Work {arxiv_id: work})
MATCH (s)-[a:AUTHORED]->(w)
MATCH (t:Researcher {id: $target})
CREATE (t)-[:AUTHORED {position: a.position, institutions: a.institutions}]->(w)
DELETE a
