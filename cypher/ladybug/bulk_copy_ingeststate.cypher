// Bulk load: every IngestState node from an Arrow table (columns in schema order).
// params: rows
COPY IngestState FROM $rows
