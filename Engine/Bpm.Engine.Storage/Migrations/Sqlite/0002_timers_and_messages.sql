CREATE TABLE bpm_job (
    id TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    process_instance_id TEXT NULL,
    definition_id TEXT NOT NULL,
    definition_key TEXT NOT NULL,
    element_id TEXT NOT NULL,
    token_id TEXT NULL,
    due_at TEXT NOT NULL,
    repetitions INTEGER NULL,
    lock_owner TEXT NULL,
    lock_expiration TEXT NULL,
    retries INTEGER NOT NULL,
    suspended INTEGER NOT NULL DEFAULT 0,
    error_message TEXT NULL,
    create_time TEXT NOT NULL
);
CREATE INDEX ix_bpm_job_due ON bpm_job (due_at);
CREATE INDEX ix_bpm_job_instance ON bpm_job (process_instance_id);
CREATE INDEX ix_bpm_job_definition ON bpm_job (definition_key, kind);

CREATE TABLE bpm_message_subscription (
    id TEXT NOT NULL PRIMARY KEY,
    process_instance_id TEXT NULL,
    definition_id TEXT NOT NULL,
    definition_key TEXT NOT NULL,
    element_id TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'message',
    message_name TEXT NOT NULL,
    correlation_key TEXT NULL,
    business_key TEXT NULL,
    create_time TEXT NOT NULL
);
CREATE INDEX ix_bpm_message_subscription_name ON bpm_message_subscription (message_name, correlation_key);
CREATE INDEX ix_bpm_message_subscription_instance ON bpm_message_subscription (process_instance_id);

CREATE TABLE bpm_message_buffer (
    id TEXT NOT NULL PRIMARY KEY,
    message_name TEXT NOT NULL,
    correlation_key TEXT NULL,
    business_key TEXT NULL,
    message_id TEXT NULL,
    variables TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    create_time TEXT NOT NULL
);
CREATE INDEX ix_bpm_message_buffer_name ON bpm_message_buffer (message_name, expires_at);

CREATE TABLE bpm_message_receipt (
    message_id TEXT NOT NULL PRIMARY KEY,
    received_at TEXT NOT NULL
);

CREATE TABLE bpm_signal_outbox (
    id TEXT NOT NULL PRIMARY KEY,
    signal_name TEXT NOT NULL,
    create_time TEXT NOT NULL
);
