// Bulk load: every BY_TEAM relationship from an Arrow table (from, to, then the
// properties in schema order).
// params: rows
COPY BY_TEAM FROM $rows
