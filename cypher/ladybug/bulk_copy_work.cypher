// Bulk load: every Work node from an Arrow table (columns in schema order).
// params: rows
COPY Work FROM $rows
