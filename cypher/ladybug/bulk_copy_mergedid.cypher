// Bulk load: every MergedId node from an Arrow table (columns in schema order).
// params: rows
COPY MergedId FROM $rows
