-- A row updated on its own page adds no entry to the table's indexes; one that moves to another page adds one to each.
-- An external task is updated once, when a worker locks it. With full pages, a third of the locks under the durable
-- benchmark moved their task and wrote an entry in each of the table's four indexes. A locked task is larger than a new
-- one (worker, lock token), so each page keeps more than half of itself free for the locks of the tasks on it, while
-- readers still see their old versions. The table is a queue of a few pages.
ALTER TABLE bpm_external_task SET (fillfactor = 40);
