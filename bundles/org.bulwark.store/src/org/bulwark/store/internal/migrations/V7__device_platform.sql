-- Bulwark store schema, version 7: each device's platform as its newest assessment probed it (PlatformFacts'
-- osFamily and osVersion), so that a fleet can be listed by Defender's osPlatform. Devices stored before this
-- version are 'unknown' with no version until their next assessment: their reports are compressed JSON, which
-- SQL cannot read portably.
ALTER TABLE device ADD COLUMN os_family VARCHAR(200) DEFAULT 'unknown' NOT NULL;
ALTER TABLE device ADD COLUMN os_version VARCHAR(200) DEFAULT '' NOT NULL;
