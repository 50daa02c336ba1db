// Tests only: delete an account and what links to it (its claims stay, as records).
// params: id
MATCH (a:Account {id: $id})
DETACH DELETE a
