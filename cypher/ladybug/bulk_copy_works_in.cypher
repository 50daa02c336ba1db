// Bulk load: every WORKS_IN relationship from an Arrow table (from, to, then the
// properties in schema order).
// params: rows
COPY WORKS_IN FROM $rows
