// Bulk load: every Topic node from an Arrow table (columns in schema order).
// params: rows
COPY Topic FROM $rows
