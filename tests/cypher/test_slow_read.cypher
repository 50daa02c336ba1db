// Tests: a read that takes seconds on the test snapshot's graph (a cross product whose every row
// compares two strings), to see the read timeout interrupt it.
// params: none
MATCH (a:Work), (b:Work), (r:Researcher)
WHERE a.title + r.name < b.title + r.name
RETURN count(*) AS n
