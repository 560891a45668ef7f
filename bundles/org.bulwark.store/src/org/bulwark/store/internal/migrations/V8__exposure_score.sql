-- Bulwark store schema, version 8: each assessment's exposure score (0 to 100) as it was computed when it was
-- stored, so that the secure score and the exposure can be shown over time from the summaries alone. NULL: none
-- was computed (no feed, no inventory a feed covers, or an assessment stored before this version).
ALTER TABLE assessment ADD COLUMN exposure_score DOUBLE PRECISION;
