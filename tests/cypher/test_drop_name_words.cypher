// Tests only: remove the name-word index, as graphs stored before it had none (the schema's
// backfill makes it again).
// params: none
MATCH (k:NameWord)
DETACH DELETE k
