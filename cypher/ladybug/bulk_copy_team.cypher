// Bulk load: every Team node from an Arrow table (columns in schema order).
// params: rows
COPY Team FROM $rows
