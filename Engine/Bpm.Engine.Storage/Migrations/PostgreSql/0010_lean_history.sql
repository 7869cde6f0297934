-- An activity's history row repeated its instance's definition id and key, three rows and more per instance: about a
-- fifth of each row, written again in the write-ahead log with every insert. The instance's row holds both; history
-- reads them from there.
ALTER TABLE bpm_activity_instance DROP COLUMN definition_id, DROP COLUMN definition_key;
