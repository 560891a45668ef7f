-- Bulwark store schema, version 4: an assessment's results are kept in one compressed row (ResultCodec) instead
-- of one row per control; results stored before stay in result and are read from there. control keeps every
-- control id ever stored with its category in the newest assessment that had it (for exceptions and remediation
-- activities, which must name a known control).
CREATE TABLE assessment_results (
  assessment_id BIGINT PRIMARY KEY REFERENCES assessment(id),
  results BYTEA NOT NULL
);
CREATE TABLE control (
  id VARCHAR(400) PRIMARY KEY,
  category VARCHAR(40) NOT NULL,
  assessment_id BIGINT NOT NULL
);
INSERT INTO control (id, category, assessment_id)
  SELECT r.control_id, r.category, r.assessment_id FROM result r
  WHERE r.assessment_id = (SELECT MAX(x.assessment_id) FROM result x WHERE x.control_id = r.control_id);
