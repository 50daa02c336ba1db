// Invitations naming a merged researcher name the one it merged into.
// params: rows
UNWIND $rows AS row
MATCH (i:Invitation)
WHERE i.sender_researcher = row.old_id OR i.recipient_researcher = row.old_id
SET i.sender_researcher = CASE WHEN i.sender_researcher = row.old_id THEN row.new_id
                               ELSE i.sender_researcher END,
    i.recipient_researcher = CASE WHEN i.recipient_researcher = row.old_id THEN row.new_id
                                  ELSE i.recipient_researcher END
