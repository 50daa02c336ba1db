// The blocks among these ids ("blocker_id:blocked_id"), each looked up by its id (the embedded
// engine scans the whole table for `id IN $ids`).
// params: ids
UNWIND $ids AS x
MATCH (b:InvitationBlock {id: x})
RETURN b.blocker_id AS blocker_id, b.blocked_id AS blocked_id
