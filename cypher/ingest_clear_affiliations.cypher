// Remove the aggregated affiliations of these researchers before they are recomputed.
// params: ids
UNWIND $ids AS id
MATCH (r:Researcher {id: id})-[x:AFFILIATED_WITH]->(:Institution)
DELETE x
