// The graph model on Neo4j: uniqueness on every id, indexes for the lookups the queries do
// (text indexes for the CONTAINS of search). Every statement is idempotent.
CREATE CONSTRAINT researcher_id IF NOT EXISTS FOR (n:Researcher) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT work_arxiv_id IF NOT EXISTS FOR (n:Work) REQUIRE n.arxiv_id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT institution_id IF NOT EXISTS FOR (n:Institution) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT merged_id IF NOT EXISTS FOR (n:MergedId) REQUIRE n.id IS UNIQUE;
CREATE INDEX merged_into IF NOT EXISTS FOR (n:MergedId) ON (n.into);
CREATE CONSTRAINT team_id IF NOT EXISTS FOR (n:Team) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT stat_id IF NOT EXISTS FOR (n:Stat) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT name_count_key IF NOT EXISTS FOR (n:NameCount) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT name_word IF NOT EXISTS FOR (n:NameWord) REQUIRE n.word IS UNIQUE;
CREATE INDEX researcher_coauthors_count IF NOT EXISTS FOR (n:Researcher) ON (n.coauthors_count);
CREATE CONSTRAINT ingest_state_source IF NOT EXISTS FOR (n:IngestState) REQUIRE n.source IS UNIQUE;
CREATE INDEX researcher_block_key IF NOT EXISTS FOR (n:Researcher) ON (n.block_key);
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT account_email_key IF NOT EXISTS FOR (n:Account) REQUIRE n.email_key IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (n:Session) REQUIRE n.id IS UNIQUE;
CREATE INDEX session_account IF NOT EXISTS FOR (n:Session) ON (n.account_id);
CREATE CONSTRAINT attempts_key IF NOT EXISTS FOR (n:Attempts) REQUIRE n.key IS UNIQUE;
CREATE INDEX attempts_seen IF NOT EXISTS FOR (n:Attempts) ON (n.seen_at);
CREATE CONSTRAINT account_secret_id IF NOT EXISTS FOR (n:AccountSecret) REQUIRE n.id IS UNIQUE;
CREATE INDEX account_secret_public_id IF NOT EXISTS FOR (n:AccountSecret) ON (n.public_id);
CREATE INDEX account_secret_account IF NOT EXISTS FOR (n:AccountSecret) ON (n.account_id);
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE INDEX claim_account IF NOT EXISTS FOR (n:Claim) ON (n.account_id);
CREATE INDEX claim_researcher IF NOT EXISTS FOR (n:Claim) ON (n.researcher_id);
CREATE INDEX claim_status IF NOT EXISTS FOR (n:Claim) ON (n.status);
CREATE CONSTRAINT invitation_id IF NOT EXISTS FOR (n:Invitation) REQUIRE n.id IS UNIQUE;
CREATE INDEX invitation_sender IF NOT EXISTS FOR (n:Invitation) ON (n.sender_id);
CREATE INDEX invitation_recipient IF NOT EXISTS FOR (n:Invitation) ON (n.recipient_id);
CREATE INDEX invitation_sender_researcher IF NOT EXISTS FOR (n:Invitation) ON (n.sender_researcher);
CREATE INDEX invitation_recipient_researcher IF NOT EXISTS FOR (n:Invitation) ON (n.recipient_researcher);
CREATE CONSTRAINT invitation_reply_id IF NOT EXISTS FOR (n:InvitationReply) REQUIRE n.id IS UNIQUE;
CREATE INDEX invitation_reply_invitation IF NOT EXISTS FOR (n:InvitationReply) ON (n.invitation_id);
CREATE CONSTRAINT invitation_block_id IF NOT EXISTS FOR (n:InvitationBlock) REQUIRE n.id IS UNIQUE;
CREATE INDEX invitation_block_blocked IF NOT EXISTS FOR (n:InvitationBlock) ON (n.blocked_id);
CREATE TEXT INDEX name_word_text IF NOT EXISTS FOR (n:NameWord) ON (n.word);
CREATE TEXT INDEX work_title_folded IF NOT EXISTS FOR (n:Work) ON (n.title_folded);
CREATE INDEX work_year IF NOT EXISTS FOR (n:Work) ON (n.year);
// Full-text indexes of earlier versions: no query used them, and every commit fed them.
DROP INDEX researcher_names IF EXISTS;
DROP INDEX work_titles IF EXISTS;
// Search reads the name words (NameWord) since they exist, not every researcher's search text.
DROP INDEX researcher_search_text IF EXISTS;
// Links added to older graphs (claims, invitations, replies, name words): schema/backfill/,
// each run only when its check finds a node without its link.
