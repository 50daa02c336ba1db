// Tests only: remove every claim's links to its record and its account, as graphs stored them
// before the links (the schema links them again).
// params: none
MATCH (c:Claim)
OPTIONAL MATCH (c)-[l:CLAIMS]->(:Researcher)
OPTIONAL MATCH (:Account)-[h:HOLDS]->(c)
DELETE l, h
