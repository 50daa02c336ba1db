// Bulk load: every Institution node from an Arrow table (columns in schema order).
// params: rows
COPY Institution FROM $rows
