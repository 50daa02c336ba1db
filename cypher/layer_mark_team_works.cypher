// Layer: mark which of these works are team works (a team named, or more authors than
// $min_authors).
// params: ids, min_authors
UNWIND $ids AS id
MATCH (w:Work {arxiv_id: id})
WITH w, COUNT { MATCH (w)-[:BY_TEAM]->(:Team) } AS teams
SET w.team_work = (w.authors_count > $min_authors OR teams > 0)
