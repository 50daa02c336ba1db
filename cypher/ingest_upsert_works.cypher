// Create or replace works (dates as ISO strings; a negative year: unknown).
// params: rows
UNWIND $rows AS row
MERGE (w:Work {arxiv_id: row.arxiv_id})
SET w.version = row.version, w.title = row.title, w.title_folded = row.title_folded,
    w.abstract = row.abstract, w.published = date(row.published), w.updated = date(row.updated),
    w.year = CASE WHEN row.year < 0 THEN null ELSE row.year END, w.doi = row.doi, w.journal_ref = row.journal_ref,
    w.comment = row.comment, w.primary_category = row.primary_category,
    w.authors_count = row.authors_count, w.authors_ordered = row.authors_ordered,
    w.team_work = row.team_work
