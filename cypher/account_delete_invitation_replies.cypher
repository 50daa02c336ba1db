// Delete the replies in every thread the account is a party of.
// params: account_id
MATCH (:Account {id: $account_id})-[:SENT|SENT_TO]-(:Invitation)<-[:REPLY_TO]-(x:InvitationReply)
DETACH DELETE x
