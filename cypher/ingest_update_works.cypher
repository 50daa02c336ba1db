// Replace stored works by a newer version (dates as ISO strings; a negative year: unknown);
// returns how many were found (the writer checks that every row was).
// A MATCH, not a MERGE: the embedded engine plans a MERGE by its key as a hash join with the
// whole table (every work read at each batch that replaces one), and the writer passes only
// works it read as stored (new ones go to ingest_create_works).
// params: rows
UNWIND $rows AS row
MATCH (w:Work {arxiv_id: row.arxiv_id})
SET w.version = row.version, w.title = row.title, w.title_folded = row.title_folded,
    w.abstract = row.abstract, w.published = date(row.published), w.updated = date(row.updated),
    w.year = CASE WHEN row.year < 0 THEN null ELSE row.year END, w.doi = row.doi, w.journal_ref = row.journal_ref,
    w.comment = row.comment, w.primary_category = row.primary_category,
    w.authors_count = row.authors_count, w.authors_ordered = row.authors_ordered,
    w.team_work = row.team_work
RETURN count(*) AS updated
