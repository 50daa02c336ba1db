// Bulk load: every COOCCURS relationship from an Arrow table (from, to, then the
// properties in schema order).
// params: rows
COPY COOCCURS FROM $rows
