// Bulk load: every Researcher node from an Arrow table (columns in schema order).
// params: rows
COPY Researcher FROM $rows
