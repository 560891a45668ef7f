-- Bulwark store schema, version 2: reports are kept gzip-compressed (a JSON report with its evidence shrinks about
-- tenfold; a fleet of 10,000 devices keeps gigabytes less). Reports stored before keep their text in report_json.
ALTER TABLE assessment ADD COLUMN report_gz BYTEA;
ALTER TABLE assessment ALTER COLUMN report_json DROP NOT NULL;
