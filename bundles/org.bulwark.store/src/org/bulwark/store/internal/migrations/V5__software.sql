-- Bulwark store schema, version 5: the installed software. device_inventory and device_software hold each
-- device's inventories (one per origin, e.g. dpkg) with the distribution and version they were read on (what
-- vulnerability feeds are matched by), as its newest assessment found them, replaced whole by a newer
-- one: the rows the software queries read. Every assessment's own inventory stays in its report, so the history
-- does not grow by a row per package per assessment.
CREATE TABLE device_inventory (
  device_id VARCHAR(400) NOT NULL REFERENCES device(id),
  origin VARCHAR(100) NOT NULL,
  assessment_id BIGINT NOT NULL REFERENCES assessment(id),
  finished TIMESTAMP WITH TIME ZONE NOT NULL,
  os_id VARCHAR(100) NOT NULL,
  os_version VARCHAR(100) NOT NULL,
  state VARCHAR(20) NOT NULL,
  reason VARCHAR(4000) NOT NULL,
  PRIMARY KEY (device_id, origin)
);
CREATE TABLE device_software (
  device_id VARCHAR(400) NOT NULL,
  origin VARCHAR(100) NOT NULL,
  seq INTEGER NOT NULL,
  name VARCHAR(400) NOT NULL,
  architecture VARCHAR(100) NOT NULL,
  version VARCHAR(400) NOT NULL,
  source_name VARCHAR(400) NOT NULL,
  source_version VARCHAR(400) NOT NULL,
  status VARCHAR(100) NOT NULL,
  vendor VARCHAR(400) NOT NULL,
  PRIMARY KEY (device_id, origin, seq),
  FOREIGN KEY (device_id, origin) REFERENCES device_inventory(device_id, origin)
);
CREATE INDEX device_software_name ON device_software (origin, name);
CREATE TABLE device_inventory_problem (
  device_id VARCHAR(400) NOT NULL,
  origin VARCHAR(100) NOT NULL,
  seq INTEGER NOT NULL,
  problem VARCHAR(4000) NOT NULL,
  PRIMARY KEY (device_id, origin, seq),
  FOREIGN KEY (device_id, origin) REFERENCES device_inventory(device_id, origin)
);
