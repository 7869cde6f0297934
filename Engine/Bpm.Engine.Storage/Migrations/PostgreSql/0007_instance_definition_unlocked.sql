-- An instance's definition is never deleted: deployments are only ever added. The foreign key from an instance to its
-- definition checked nothing that can happen, and its check took a key-share lock on the definition's row for every
-- instance inserted, so every start of a key locked the same row: a WAL record per transaction for the lock, and a
-- multixact whenever two transactions started instances of the key at once.
ALTER TABLE bpm_process_instance DROP CONSTRAINT bpm_process_instance_definition_id_fkey;
