// Bulk load: every AUTHORED relationship from an Arrow table (from, to, then the
// properties in schema order).
// params: rows
COPY AUTHORED FROM $rows
