// Tests only: remove every claim's link to its record, as graphs stored them before the links
// (the schema links them again).
// params: none
MATCH (:Claim)-[l:CLAIMS]->(:Researcher)
DELETE l
