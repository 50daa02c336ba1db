// Bulk load: every MEMBER_OF relationship from an Arrow table (from, to, then the
// properties in schema order).
// params: rows
COPY MEMBER_OF FROM $rows
