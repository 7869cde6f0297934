-- An activity's history row repeated its instance's definition id and key; the instance's row holds both, and history
-- reads them from there.
ALTER TABLE bpm_activity_instance DROP COLUMN definition_id;
ALTER TABLE bpm_activity_instance DROP COLUMN definition_key;
