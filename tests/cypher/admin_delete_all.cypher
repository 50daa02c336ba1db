// Tests only: delete the whole graph in one transaction (the tests' small graphs; `graphsvc
// reset` deletes a bounded batch per transaction, graphsvc/store/reset.py).
// params: none
MATCH (n)
DETACH DELETE n
