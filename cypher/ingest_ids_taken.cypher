// Which of these ids a researcher has or once had (a merged record's id stays reserved): a new
// record takes none of them.
// params: ids
MATCH (r:Researcher)
WHERE r.id IN $ids
RETURN r.id AS id
UNION ALL
MATCH (m:MergedId)
WHERE m.id IN $ids
RETURN m.id AS id
