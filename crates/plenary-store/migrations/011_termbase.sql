-- The termbase (issue 11): words and phrases to avoid in one language, each with the wording
-- to use instead and a note.
CREATE TABLE terms (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    lang       TEXT NOT NULL,
    term       TEXT NOT NULL,
    prefer     TEXT NOT NULL,
    note       TEXT,
    created_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX terms_once_per_language ON terms (lang, lower(term));
