// Suggested collaborators, evidence: the topics a researcher shares with each candidate, with
// the works of each of the two in the topic (layer: WORKS_IN).
// params: id, ids
UNWIND $ids AS cid
MATCH (c:Researcher {id: cid})-[y:WORKS_IN]->(t:Topic)<-[x:WORKS_IN]-(r:Researcher {id: $id})
WHERE r <> c
RETURN cid AS candidate, t.id AS id, t.name AS name, x.works AS works, y.works AS candidate_works
ORDER BY candidate, id
