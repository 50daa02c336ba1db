// Remove the topics of works about to be replaced by a newer version.
// params: ids
UNWIND $ids AS id
MATCH (w:Work {arxiv_id: id})-[h:HAS_TOPIC]->(:Topic)
DELETE h
