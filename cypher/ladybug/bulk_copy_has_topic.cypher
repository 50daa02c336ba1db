// Bulk load: every HAS_TOPIC relationship from an Arrow table (from, to, then the
// properties in schema order).
// params: rows
COPY HAS_TOPIC FROM $rows
