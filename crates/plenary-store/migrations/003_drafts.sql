-- Unsaved editor text, kept durable between versions. The app writes a section's draft within
-- a second of a change and turns it into a version at a sensible point (leaving the editor, a
-- pause); a draft left by a crash is offered back the next time the section is opened.
CREATE TABLE section_drafts (
    section_seq INTEGER PRIMARY KEY REFERENCES sections (seq) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    author      TEXT NOT NULL,
    saved_at    TEXT NOT NULL
) STRICT;
