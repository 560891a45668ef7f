-- Bulwark store schema, version 6: the vulnerability feeds. vuln_feed describes the one feed kept in each slot: a
-- kind (tracker, EPSS, KEV), or a kind and file name (OSV per ecosystem, each debian-security-support list, each
-- distro-info CSV); its content is kept as imported, in chunks of
-- at most 512 KiB (a column of H2 and PostgreSQL alike holds that much), and replaced whole in one transaction.
-- Advisories are not rows: every matching reads the feeds as they are now, so a new feed changes old findings.
CREATE TABLE vuln_feed (
  kind VARCHAR(200) PRIMARY KEY,
  origin VARCHAR(4000) NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  source_date VARCHAR(200) NOT NULL,
  records BIGINT NOT NULL,
  imported TIMESTAMP WITH TIME ZONE NOT NULL,
  bytes BIGINT NOT NULL
);
CREATE TABLE vuln_feed_chunk (
  kind VARCHAR(200) NOT NULL REFERENCES vuln_feed(kind),
  seq INTEGER NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (kind, seq)
);
