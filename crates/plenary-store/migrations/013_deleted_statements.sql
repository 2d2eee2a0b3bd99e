-- A deleted draft statement is kept for a while (issue 13: delete with undo): `deleted_at`
-- hides it from every list and read; undeleting clears it; opening the library purges those
-- deleted more than 30 days ago.
ALTER TABLE statements ADD COLUMN deleted_at TEXT;
