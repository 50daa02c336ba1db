// Tests only: open (or close) a claim's record to collaboration.
// params: id, open
MATCH (c:Claim {id: $id})
SET c.collab_open = $open
