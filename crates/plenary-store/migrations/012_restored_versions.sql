-- A version made by bringing back an older one's text records which (issue 13): the window
-- names it in the reader's language instead of keeping an English note.
ALTER TABLE versions ADD COLUMN restored_from INTEGER CHECK (restored_from >= 1);

DROP TRIGGER versions_are_immutable;
CREATE TRIGGER versions_are_immutable
BEFORE UPDATE OF section_seq, number, title, body, author, created_at, note, restored_from ON versions
BEGIN
    SELECT RAISE(ABORT, 'section versions are immutable');
END;
