// Create works new to the graph (dates as ISO strings; a negative year: unknown).
// params: rows
UNWIND $rows AS row
CREATE (:Work {arxiv_id: row.arxiv_id, version: row.version, title: row.title,
               title_folded: row.title_folded, abstract: row.abstract,
               published: date(row.published), updated: date(row.updated),
               year: CASE WHEN row.year < 0 THEN null ELSE row.year END,
               doi: row.doi, journal_ref: row.journal_ref, comment: row.comment,
               primary_category: row.primary_category, authors_count: row.authors_count,
               authors_ordered: row.authors_ordered, team_work: row.team_work})
