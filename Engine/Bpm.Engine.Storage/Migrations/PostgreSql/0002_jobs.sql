CREATE TABLE bpm_job (
    id TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    process_instance_id TEXT NULL,
    definition_id TEXT NOT NULL,
    definition_key TEXT NOT NULL,
    element_id TEXT NOT NULL,
    due_at TIMESTAMPTZ NOT NULL,
    repetitions INTEGER NULL,
    lock_owner TEXT NULL,
    lock_expiration TIMESTAMPTZ NULL,
    retries INTEGER NOT NULL,
    suspended BOOLEAN NOT NULL DEFAULT FALSE,
    error_message TEXT NULL,
    create_time TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_bpm_job_due ON bpm_job (due_at);
CREATE INDEX ix_bpm_job_instance ON bpm_job (process_instance_id);
CREATE INDEX ix_bpm_job_definition ON bpm_job (definition_key, kind);
