-- Bulwark store schema, version 3: exceptions and remediation activities can be updated, activities cancelled;
-- who did it and when is kept beside the cancellation of exceptions (which version 1 has).
ALTER TABLE control_exception ADD COLUMN updated TIMESTAMP WITH TIME ZONE;
ALTER TABLE control_exception ADD COLUMN updated_by VARCHAR(400);
ALTER TABLE remediation ADD COLUMN cancelled TIMESTAMP WITH TIME ZONE;
ALTER TABLE remediation ADD COLUMN cancelled_by VARCHAR(400);
ALTER TABLE remediation ADD COLUMN updated TIMESTAMP WITH TIME ZONE;
ALTER TABLE remediation ADD COLUMN updated_by VARCHAR(400);
