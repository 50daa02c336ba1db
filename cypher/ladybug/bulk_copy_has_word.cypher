// Bulk load: every HAS_WORD relationship from an Arrow table (from, to, then the
// properties in schema order).
// params: rows
COPY HAS_WORD FROM $rows
