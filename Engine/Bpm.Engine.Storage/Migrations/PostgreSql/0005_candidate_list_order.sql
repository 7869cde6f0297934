-- A task list for a group walks that group's candidate rows in the order their tasks were created and stops at a
-- page's worth, instead of walking every task by creation and asking of each whether it is offered to the group.
-- Each candidate row carries its task's creation time for that; a task's creation time never changes.
ALTER TABLE bpm_user_task_candidate ADD COLUMN create_time TIMESTAMPTZ NULL;
DELETE FROM bpm_user_task_candidate WHERE task_id NOT IN (SELECT id FROM bpm_user_task);
UPDATE bpm_user_task_candidate AS c SET create_time = t.create_time FROM bpm_user_task AS t WHERE t.id = c.task_id;
ALTER TABLE bpm_user_task_candidate ALTER COLUMN create_time SET NOT NULL;
DROP INDEX ix_bpm_user_task_candidate_name;
CREATE INDEX ix_bpm_user_task_candidate_list ON bpm_user_task_candidate (kind, name, create_time, task_id);
