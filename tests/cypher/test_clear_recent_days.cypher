// Tests only: forget the days of every topic's recent list, as graphs stored the lists before
// the days were kept.
// params: none
MATCH (t:Topic)
SET t.recent_days = null
