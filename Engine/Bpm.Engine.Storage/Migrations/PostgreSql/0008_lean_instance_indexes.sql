-- An instance is indexed by what finds it: its business key when it has one, its state and key while it runs. Most
-- instances have no business key, and ended ones are looked up by id or in history, where no query led with the state:
-- the entries they added to both indexes, two when an instance started and two more when it ended, were written and
-- never read.
DROP INDEX ix_bpm_process_instance_business_key;
CREATE INDEX ix_bpm_process_instance_business_key ON bpm_process_instance (business_key) WHERE business_key IS NOT NULL;
DROP INDEX ix_bpm_process_instance_state;
CREATE INDEX ix_bpm_process_instance_running ON bpm_process_instance (definition_key, state) WHERE state IN ('ACTIVE', 'SUSPENDED');

-- An activity's history row is written when it starts and closed when it ends. Room left on each page lets the close
-- write the row's new version beside the old one, without new entries in the table's indexes.
ALTER TABLE bpm_activity_instance SET (fillfactor = 90);
