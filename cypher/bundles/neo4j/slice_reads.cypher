// The first stored reads of a researcher's graph slice (the researcher, their teams and
// co-authors: graphsvc.services.graph.slice_reads) in one round trip (a bundle:
// graphsvc.db.bundles): one row, a column per read holding its rows as maps in its order.
// Each COLLECT subquery is the read's own text (cypher/neo4j/NAME.cypher, else
// cypher/NAME.cypher) with its RETURN made one map; keep them equal
// (tests/graph/test_bundles.py compares them).
// params: id, limit
RETURN
  COLLECT {
    MATCH (r:Researcher {id: $id})
    RETURN {id: r.id, name: r.name, coauthors: r.coauthors_count,
            works: r.works_count - COUNT { MATCH (r)-[:AUTHORED]->(w:Work) WHERE w.team_work },
            teams: COUNT { MATCH (r)-[:MEMBER_OF]->(:Team) }}
  } AS slice_researcher,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[m:MEMBER_OF]->(t:Team)
    RETURN {team: t.id, name: t.name, works: m.works, size: t.members} AS row
    ORDER BY row.works DESC, row.team
    LIMIT $limit
  } AS slice_teams,
  COLLECT {
    MATCH (r:Researcher {id: $id})-[e:COAUTHOR]-()
    WITH r, e.works AS shared
    ORDER BY shared DESC
    LIMIT $limit
    WITH r, min(shared) AS floor
    MATCH (r)-[e:COAUTHOR]-(c:Researcher)
    WHERE e.works >= floor
    RETURN {id: c.id, name: c.name, shared: e.works} AS row
    ORDER BY row.shared DESC, row.name, row.id
    LIMIT $limit
  } AS slice_coauthors
