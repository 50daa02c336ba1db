// Tests only: CREATE (not MERGE) an institution, to prove ids are unique.
// params: id
CREATE (:Institution {id: $id, name: $id})
