// The works of the researchers an account follows, newest first (undated last), with who wrote
// them among those followed.
// params: account_id, offset, limit
MATCH (a:Account {id: $account_id})-[:FOLLOWS]->(r:Researcher)-[:AUTHORED]->(w:Work)
WITH w, collect(DISTINCT r.id) AS ids, collect(DISTINCT r.name) AS names
RETURN w.arxiv_id AS arxiv_id, w.title AS title, w.published AS published,
       w.updated AS updated, w.year AS year, w.abstract AS abstract, ids, names
ORDER BY w.published IS NULL, w.published DESC, arxiv_id DESC
SKIP $offset
LIMIT $limit
