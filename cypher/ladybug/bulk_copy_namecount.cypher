// Bulk load: every NameCount node from an Arrow table (columns in schema order).
// params: rows
COPY NameCount FROM $rows
