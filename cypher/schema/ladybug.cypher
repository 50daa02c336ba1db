// The graph model on the embedded engine: typed tables, primary keys as the unique ids.
// Ladybug has no secondary indexes: lookups by id use the primary-key index.
CREATE NODE TABLE IF NOT EXISTS Researcher(
  id STRING PRIMARY KEY, name STRING, name_key STRING, block_key STRING,
  search_text STRING, aliases STRING[]);
CREATE NODE TABLE IF NOT EXISTS Work(
  arxiv_id STRING PRIMARY KEY, version INT64, title STRING, title_folded STRING,
  abstract STRING, published DATE, updated DATE, year INT64, doi STRING, journal_ref STRING,
  comment STRING, primary_category STRING, authors_count INT64, authors_ordered BOOLEAN);
CREATE NODE TABLE IF NOT EXISTS Topic(
  id STRING PRIMARY KEY, name STRING, archive STRING, archive_name STRING,
  group_id STRING, group_name STRING);
CREATE NODE TABLE IF NOT EXISTS Institution(id STRING PRIMARY KEY, name STRING);
// A merged researcher id: where it went, and what undoing the merge needs (the works that moved,
// the merged record's name and aliases, the kept record's aliases before the merge when known).
CREATE NODE TABLE IF NOT EXISTS MergedId(
  id STRING PRIMARY KEY, into STRING, works STRING[], name STRING, aliases STRING[],
  into_aliases STRING[]);
CREATE NODE TABLE IF NOT EXISTS IngestState(source STRING PRIMARY KEY, position INT64);
CREATE REL TABLE IF NOT EXISTS AUTHORED(FROM Researcher TO Work, position INT64, institutions STRING[]);
CREATE REL TABLE IF NOT EXISTS HAS_TOPIC(FROM Work TO Topic, is_primary BOOLEAN);
CREATE REL TABLE IF NOT EXISTS AFFILIATED_WITH(
  FROM Researcher TO Institution, first_year INT64, last_year INT64, works INT64);
// Databases created before merges were undoable lack these columns.
ALTER TABLE MergedId ADD IF NOT EXISTS works STRING[];
ALTER TABLE MergedId ADD IF NOT EXISTS name STRING;
ALTER TABLE MergedId ADD IF NOT EXISTS aliases STRING[];
ALTER TABLE MergedId ADD IF NOT EXISTS into_aliases STRING[];
