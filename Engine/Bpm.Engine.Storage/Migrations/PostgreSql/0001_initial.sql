CREATE TABLE bpm_deployment (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NULL,
    source TEXT NULL,
    tenant_id TEXT NULL,
    deployment_time TIMESTAMPTZ NOT NULL
);

CREATE TABLE bpm_process_definition (
    id TEXT NOT NULL PRIMARY KEY,
    key TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NULL,
    deployment_id TEXT NOT NULL REFERENCES bpm_deployment (id),
    resource_name TEXT NOT NULL,
    xml TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    version_tag TEXT NULL,
    suspended BOOLEAN NOT NULL DEFAULT FALSE,
    deployment_time TIMESTAMPTZ NOT NULL,
    UNIQUE (key, version)
);

CREATE TABLE bpm_process_instance (
    id TEXT NOT NULL PRIMARY KEY,
    definition_id TEXT NOT NULL REFERENCES bpm_process_definition (id),
    definition_key TEXT NOT NULL,
    business_key TEXT NULL,
    super_process_instance_id TEXT NULL,
    state TEXT NOT NULL,
    start_time TIMESTAMPTZ NOT NULL,
    end_time TIMESTAMPTZ NULL,
    document TEXT NOT NULL,
    revision INTEGER NOT NULL
);
CREATE INDEX ix_bpm_process_instance_state ON bpm_process_instance (state, definition_key);
CREATE INDEX ix_bpm_process_instance_business_key ON bpm_process_instance (business_key);

CREATE TABLE bpm_external_task (
    id TEXT NOT NULL PRIMARY KEY,
    process_instance_id TEXT NOT NULL,
    definition_id TEXT NOT NULL,
    definition_key TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    business_key TEXT NULL,
    worker_id TEXT NULL,
    lock_expiration TIMESTAMPTZ NULL,
    retries INTEGER NULL,
    error_message TEXT NULL,
    error_details TEXT NULL,
    priority BIGINT NOT NULL,
    create_time TIMESTAMPTZ NOT NULL,
    available_from TIMESTAMPTZ NULL,
    retry_backoff_ms BIGINT NULL,
    suspended BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX ix_bpm_external_task_topic ON bpm_external_task (topic, priority);
CREATE INDEX ix_bpm_external_task_instance ON bpm_external_task (process_instance_id);

CREATE TABLE bpm_user_task (
    id TEXT NOT NULL PRIMARY KEY,
    process_instance_id TEXT NOT NULL,
    definition_id TEXT NOT NULL,
    definition_key TEXT NOT NULL,
    task_definition_key TEXT NOT NULL,
    business_key TEXT NULL,
    name TEXT NULL,
    assignee TEXT NULL,
    form_key TEXT NULL,
    create_time TIMESTAMPTZ NOT NULL,
    due TIMESTAMPTZ NULL,
    follow_up TIMESTAMPTZ NULL,
    priority INTEGER NOT NULL,
    suspended BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX ix_bpm_user_task_instance ON bpm_user_task (process_instance_id);
CREATE INDEX ix_bpm_user_task_assignee ON bpm_user_task (assignee);
CREATE INDEX ix_bpm_user_task_create_time ON bpm_user_task (create_time);

CREATE TABLE bpm_user_task_candidate (
    task_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (task_id, kind, name)
);
CREATE INDEX ix_bpm_user_task_candidate_name ON bpm_user_task_candidate (kind, name, task_id);

CREATE TABLE bpm_incident (
    id TEXT NOT NULL PRIMARY KEY,
    incident_type TEXT NOT NULL,
    message TEXT NOT NULL,
    process_instance_id TEXT NOT NULL,
    definition_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    configuration TEXT NOT NULL,
    timestamp TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_bpm_incident_instance ON bpm_incident (process_instance_id);
CREATE INDEX ix_bpm_incident_configuration ON bpm_incident (configuration);

CREATE TABLE bpm_activity_instance (
    id TEXT NOT NULL PRIMARY KEY,
    process_instance_id TEXT NOT NULL,
    definition_id TEXT NOT NULL,
    definition_key TEXT NOT NULL,
    parent_activity_instance_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    activity_name TEXT NULL,
    activity_type TEXT NOT NULL,
    task_id TEXT NULL,
    assignee TEXT NULL,
    start_time TIMESTAMPTZ NOT NULL,
    end_time TIMESTAMPTZ NULL,
    canceled BOOLEAN NOT NULL DEFAULT FALSE,
    sequence BIGINT NOT NULL
);
CREATE INDEX ix_bpm_activity_instance_instance ON bpm_activity_instance (process_instance_id, sequence);
