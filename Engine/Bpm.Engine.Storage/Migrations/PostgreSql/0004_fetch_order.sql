-- Fetch and lock walks a topic's tasks in the order it hands them out and stops at the first ones it can lock:
-- by creation, or by priority and then creation. Neither needs to read every task of the topic and sort it.
DROP INDEX ix_bpm_external_task_topic;
CREATE INDEX ix_bpm_external_task_topic_created ON bpm_external_task (topic, create_time);
CREATE INDEX ix_bpm_external_task_topic_priority ON bpm_external_task (topic, priority DESC, create_time);
