// The graph model on the embedded engine: typed tables, primary keys as the unique ids.
// Ladybug has no secondary indexes: lookups by id use the primary-key index.
CREATE NODE TABLE IF NOT EXISTS Researcher(
  id STRING PRIMARY KEY, name STRING, name_key STRING, block_key STRING,
  search_text STRING, aliases STRING[], block_peer BOOLEAN DEFAULT false,
  works_count INT64 DEFAULT 0, topics_count INT64 DEFAULT 0, coauthors_count INT64 DEFAULT 0);
CREATE NODE TABLE IF NOT EXISTS Work(
  arxiv_id STRING PRIMARY KEY, version INT64, title STRING, title_folded STRING,
  abstract STRING, published DATE, updated DATE, year INT64, doi STRING, journal_ref STRING,
  comment STRING, primary_category STRING, authors_count INT64, authors_ordered BOOLEAN,
  team_work BOOLEAN DEFAULT false);
CREATE NODE TABLE IF NOT EXISTS Topic(
  id STRING PRIMARY KEY, name STRING, archive STRING, archive_name STRING,
  group_id STRING, group_name STRING, works INT64 DEFAULT 0,
  top_ids STRING[], top_counts INT64[], recent_ids STRING[], recent_days INT64[]);
CREATE NODE TABLE IF NOT EXISTS Institution(id STRING PRIMARY KEY, name STRING);
// A collaboration named in author lists ("ATLAS Collaboration"): never a researcher.
CREATE NODE TABLE IF NOT EXISTS Team(
  id STRING PRIMARY KEY, name STRING, aliases STRING[], works INT64 DEFAULT 0,
  members INT64 DEFAULT 0);
// Graph-wide counts of the layer (works with a topic, the layer's version).
CREATE NODE TABLE IF NOT EXISTS Stat(id STRING PRIMARY KEY, n INT64);
// How many researchers carry a family name or a first given name (identity: name rarity).
CREATE NODE TABLE IF NOT EXISTS NameCount(key STRING PRIMARY KEY, n INT64);
// A word of researchers' folded names (graphsvc/store/name_words.py): search reads the words
// containing the query's longest word, not every researcher (the engine has no text index).
CREATE NODE TABLE IF NOT EXISTS NameWord(word STRING PRIMARY KEY);
// A merged researcher id: where it went, and what undoing the merge needs (the works that moved,
// the merged record's name and aliases, the kept record's aliases before the merge when known).
CREATE NODE TABLE IF NOT EXISTS MergedId(
  id STRING PRIMARY KEY, into STRING, works STRING[], name STRING, aliases STRING[],
  into_aliases STRING[]);
CREATE NODE TABLE IF NOT EXISTS IngestState(source STRING PRIMARY KEY, position INT64);
// The people on the profile (README: Accounts): accounts and what they hold, never mixed with
// researcher records. Times are seconds since the epoch (INT64) on both engines.
CREATE NODE TABLE IF NOT EXISTS Account(
  id STRING PRIMARY KEY, email STRING, email_key STRING, display_name STRING,
  password_hash STRING, email_verified BOOLEAN DEFAULT false, is_admin BOOLEAN DEFAULT false,
  created_at INT64, password_changed_at INT64);
// A signed-in browser: the SHA-256 of its cookie value (never the value), its CSRF token.
CREATE NODE TABLE IF NOT EXISTS Session(
  id STRING PRIMARY KEY, account_id STRING, csrf STRING, created_at INT64, seen_at INT64);
// Sign-in, sign-up and reset attempts per throttle key (a digest of the action and the
// account or address): their times within the window, and the last attempt.
CREATE NODE TABLE IF NOT EXISTS Attempts(key STRING PRIMARY KEY, times INT64[], seen_at INT64);
// A secret given to an account, stored as the SHA-256 of its value: an email-verification or
// password-reset link, a personal access token, a private feed URL. `public_id` names it.
CREATE NODE TABLE IF NOT EXISTS AccountSecret(
  id STRING PRIMARY KEY, public_id STRING, account_id STRING, kind STRING, name STRING,
  created_at INT64, expires_at INT64, last_used_at INT64);
// A request by an account to be recognised as a researcher record's author, and its review.
CREATE NODE TABLE IF NOT EXISTS Claim(
  id STRING PRIMARY KEY, account_id STRING, researcher_id STRING, status STRING,
  orcid STRING, homepage STRING, works STRING[], note STRING, orcid_check STRING,
  orcid_detail STRING, created_at INT64, reviewed_at INT64, review_note STRING,
  collab_open BOOLEAN DEFAULT false, collab_note STRING, collab_topics STRING[],
  collab_updated_at INT64);
// Invitations between the owners of claimed records (README: Open to collaborate and
// invitations), named by account ids; the records at sending time by researcher id.
CREATE NODE TABLE IF NOT EXISTS Invitation(
  id STRING PRIMARY KEY, sender_id STRING, recipient_id STRING, sender_researcher STRING,
  recipient_researcher STRING, subject STRING, message STRING, works STRING[], topics STRING[],
  status STRING, created_at INT64, answered_at INT64);
CREATE NODE TABLE IF NOT EXISTS InvitationReply(
  id STRING PRIMARY KEY, invitation_id STRING, account_id STRING, text STRING, created_at INT64);
// An account (blocker_id) refusing another's (blocked_id) invitations and replies; id is
// "blocker_id:blocked_id".
CREATE NODE TABLE IF NOT EXISTS InvitationBlock(
  id STRING PRIMARY KEY, blocker_id STRING, blocked_id STRING, created_at INT64);
CREATE REL TABLE IF NOT EXISTS AUTHORED(FROM Researcher TO Work, position INT64, institutions STRING[]);
CREATE REL TABLE IF NOT EXISTS HAS_TOPIC(FROM Work TO Topic, is_primary BOOLEAN);
CREATE REL TABLE IF NOT EXISTS AFFILIATED_WITH(
  FROM Researcher TO Institution, first_year INT64, last_year INT64, works INT64);
CREATE REL TABLE IF NOT EXISTS BY_TEAM(FROM Work TO Team);
CREATE REL TABLE IF NOT EXISTS HAS_WORD(FROM Researcher TO NameWord);
CREATE REL TABLE IF NOT EXISTS FOLLOWS(FROM Account TO Researcher, since INT64);
// A claim's record (README: Claims): the claim's researcher_id, as a relationship that reads
// walk from the record (the engine indexes primary keys only: a property look-up scans).
CREATE REL TABLE IF NOT EXISTS CLAIMS(FROM Claim TO Researcher);
// A claim's account (its account_id), as a relationship for the same reason.
CREATE REL TABLE IF NOT EXISTS HOLDS(FROM Account TO Claim);
// An invitation's sender and recipient (its sender_id and recipient_id), and a reply's
// invitation (its invitation_id), as relationships for the same reason.
CREATE REL TABLE IF NOT EXISTS SENT(FROM Account TO Invitation);
CREATE REL TABLE IF NOT EXISTS SENT_TO(FROM Invitation TO Account);
CREATE REL TABLE IF NOT EXISTS REPLY_TO(FROM InvitationReply TO Invitation);
// The collaboration layer (graphsvc/store/layer.py): aggregates kept with the raw facts.
CREATE REL TABLE IF NOT EXISTS COAUTHOR(FROM Researcher TO Researcher, works INT64, newman DOUBLE);
CREATE REL TABLE IF NOT EXISTS WORKS_IN(FROM Researcher TO Topic, works INT64, personal INT64);
CREATE REL TABLE IF NOT EXISTS MEMBER_OF(FROM Researcher TO Team, works INT64);
CREATE REL TABLE IF NOT EXISTS COOCCURS(FROM Topic TO Topic, works INT64);
// Databases created before merges were undoable lack these columns.
ALTER TABLE MergedId ADD IF NOT EXISTS works STRING[];
ALTER TABLE MergedId ADD IF NOT EXISTS name STRING;
ALTER TABLE MergedId ADD IF NOT EXISTS aliases STRING[];
ALTER TABLE MergedId ADD IF NOT EXISTS into_aliases STRING[];
// Databases created before teams and the collaboration layer (then: graphsvc layer rebuild).
ALTER TABLE Researcher ADD IF NOT EXISTS block_peer BOOLEAN DEFAULT false;
ALTER TABLE Researcher ADD IF NOT EXISTS works_count INT64 DEFAULT 0;
ALTER TABLE Researcher ADD IF NOT EXISTS topics_count INT64 DEFAULT 0;
ALTER TABLE Researcher ADD IF NOT EXISTS coauthors_count INT64 DEFAULT 0;
ALTER TABLE Work ADD IF NOT EXISTS team_work BOOLEAN DEFAULT false;
ALTER TABLE Topic ADD IF NOT EXISTS works INT64 DEFAULT 0;
ALTER TABLE Topic ADD IF NOT EXISTS top_ids STRING[];
ALTER TABLE Topic ADD IF NOT EXISTS top_counts INT64[];
ALTER TABLE Topic ADD IF NOT EXISTS recent_ids STRING[];
// Databases created before the recent lists kept their works' days (graphsvc/store/toplists.py).
ALTER TABLE Topic ADD IF NOT EXISTS recent_days INT64[];
// Databases created before "open to collaborate" (the state is kept on the approved claim).
ALTER TABLE Claim ADD IF NOT EXISTS collab_open BOOLEAN DEFAULT false;
ALTER TABLE Claim ADD IF NOT EXISTS collab_note STRING;
ALTER TABLE Claim ADD IF NOT EXISTS collab_topics STRING[];
ALTER TABLE Claim ADD IF NOT EXISTS collab_updated_at INT64;
// Links added to older graphs (claims, invitations, replies, name words): schema/backfill/,
// each run only when its check finds a node without its link.
