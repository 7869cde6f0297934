-- Activities list in the order they started: by start time, then by id. Ids made later sort later, and the tokens of
-- one command get theirs in the order they enter their nodes, so no counter is needed; a row written only when its
-- activity ends (an external task's at process level) sorts where its activity started. An embedded database has one
-- engine, never two releases at once: the counter goes now.
DROP INDEX ix_bpm_activity_instance_instance;
ALTER TABLE bpm_activity_instance DROP COLUMN sequence;
CREATE INDEX ix_bpm_activity_instance_instance ON bpm_activity_instance (process_instance_id);
