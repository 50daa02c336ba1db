// Tests: the given rows, largest n first (ties by name), the first $limit: a LIMIT the
// embedded engine's backend applies.
// params: rows, limit
// ladybug: LIMIT $limit applied by the backend
UNWIND $rows AS row
RETURN row.name AS name, row.n AS n
ORDER BY n DESC, name
LIMIT $limit
