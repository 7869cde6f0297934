ALTER TABLE bpm_external_task ADD COLUMN lock_token TEXT NULL;
ALTER TABLE bpm_external_task ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;

CREATE TABLE bpm_activity_template (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    topic TEXT NOT NULL,
    version INTEGER NOT NULL,
    template TEXT NOT NULL,
    source TEXT NOT NULL,
    update_time TEXT NOT NULL
);
