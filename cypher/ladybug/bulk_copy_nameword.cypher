// Bulk load: every NameWord node from an Arrow table (columns in schema order).
// params: rows
COPY NameWord FROM $rows
