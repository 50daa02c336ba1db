// Bulk load: every Stat node from an Arrow table (columns in schema order).
// params: rows
COPY Stat FROM $rows
