// A reply in an invitation's thread.
// params: id, invitation_id, account_id, text, now
CREATE (:InvitationReply {id: $id, invitation_id: $invitation_id, account_id: $account_id,
                          text: $text, created_at: $now})
