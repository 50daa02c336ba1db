// Every researcher with its properties, for exports and graph comparisons.
// params: none
MATCH (r:Researcher)
RETURN r.id AS id, r.name AS name, r.name_key AS name_key, r.block_key AS block_key,
       r.search_text AS search_text, r.aliases AS aliases
ORDER BY id
