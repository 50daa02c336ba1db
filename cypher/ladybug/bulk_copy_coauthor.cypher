// Bulk load: every COAUTHOR relationship from an Arrow table (from, to, then the
// properties in schema order).
// params: rows
COPY COAUTHOR FROM $rows
