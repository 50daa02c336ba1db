// Tests only: remove every invitation's links to its accounts and every reply's to its
// invitation, as graphs stored them before the links (the schema links them again).
// params: none
MATCH ()-[l:SENT|SENT_TO|REPLY_TO]->()
DELETE l
