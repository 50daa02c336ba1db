// Bulk load: every AFFILIATED_WITH relationship from an Arrow table (from, to, then the
// properties in schema order).
// params: rows
COPY AFFILIATED_WITH FROM $rows
