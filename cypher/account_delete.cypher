// Delete an account and what hangs on it (its follows go with it); researcher records stay.
// params: id
MATCH (a:Account {id: $id})
DETACH DELETE a
