// Remove the team links of works about to be replaced by a newer version.
// params: ids
UNWIND $ids AS id
MATCH (w:Work {arxiv_id: id})-[b:BY_TEAM]->(:Team)
DELETE b
