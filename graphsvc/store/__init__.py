"""What writes to the graph share: row shapes, merges, and the derived layer kept beside the
raw facts (affiliations, co-authorship aggregates, topic statistics). Used by the loaders'
writer and by the admin merges alike, so each statement has one home."""
