// Tests: group 1..n into buckets in memory (to exhaust a small buffer pool on purpose).
// params: n
UNWIND range(1, $n) AS x
WITH x, x % 1000 AS bucket
RETURN bucket, collect(x) AS xs
