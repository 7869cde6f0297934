-- Activities list in the order they started: by start time, then by id. Ids made later sort later, and the tokens of
-- one command get theirs in the order they enter their nodes, so no counter is needed; a row written only when its
-- activity ends (an external task's at process level) sorts where its activity started. The counter column stays,
-- with a default, for the previous release, which writes and orders by it while a rollout runs both; the release
-- after this one drops it with its index.
ALTER TABLE bpm_activity_instance ALTER COLUMN sequence SET DEFAULT 0;
