// Store each throttle key's attempt times (seconds since the epoch) within its window.
// params: rows
UNWIND $rows AS row
MATCH (a:Attempts {key: row.key})
SET a.times = row.times
