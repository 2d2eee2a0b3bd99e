-- The library: kinds, sections with immutable versions, tags, full-text index, facts, the
-- organisation profile, events, statements with ordered items and signatories.
-- Rows are named by UUID text ids; integer `seq` keys are internal and never leave the store.

CREATE TABLE kinds (
    name     TEXT PRIMARY KEY,
    builtin  INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    position INTEGER NOT NULL
) STRICT;

INSERT INTO kinds (name, builtin, position) VALUES
    ('about', 1, 1), ('work', 1, 2), ('activism', 1, 3), ('position', 1, 4),
    ('recommendation', 1, 5), ('closing', 1, 6), ('other', 1, 7);

CREATE TABLE sections (
    seq               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    kind              TEXT NOT NULL REFERENCES kinds (name),
    lang              TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'vetted', 'retired')),
    owner             TEXT,
    review_due        TEXT,
    translation_group TEXT,
    current_version   INTEGER NOT NULL CHECK (current_version >= 1),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;

CREATE INDEX sections_by_kind ON sections (kind);
CREATE INDEX sections_by_status ON sections (status);
CREATE INDEX sections_by_lang ON sections (lang);
CREATE INDEX sections_by_translation_group ON sections (translation_group) WHERE translation_group IS NOT NULL;

CREATE TABLE versions (
    section_seq INTEGER NOT NULL REFERENCES sections (seq) ON DELETE CASCADE,
    number      INTEGER NOT NULL CHECK (number >= 1),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    note        TEXT,
    vetted_by   TEXT,
    vetted_at   TEXT,
    PRIMARY KEY (section_seq, number)
) STRICT;

-- A saved version is history: only its vetting may be recorded later.
CREATE TRIGGER versions_are_immutable
BEFORE UPDATE OF section_seq, number, title, body, author, created_at, note ON versions
BEGIN
    SELECT RAISE(ABORT, 'section versions are immutable');
END;

-- `tag` as first typed; `tag_key` is its Unicode lowercase (made by the store), for matching.
CREATE TABLE section_tags (
    section_seq INTEGER NOT NULL REFERENCES sections (seq) ON DELETE CASCADE,
    tag_key     TEXT NOT NULL,
    tag         TEXT NOT NULL,
    PRIMARY KEY (section_seq, tag_key)
) STRICT, WITHOUT ROWID;

CREATE INDEX section_tags_by_key ON section_tags (tag_key, section_seq);

-- Search indexes over the current version of every section; rowid = sections.seq.
-- remove_diacritics 2 makes "migracion" find "migración".
-- section_search holds everything (body as plain text, so snippets show words, not Markdown);
-- section_titles holds only titles and tags: small, so title matches rank cheaply first.
-- Prefix indexes make the half-typed last word of search as you type fast.
CREATE VIRTUAL TABLE section_search USING fts5 (
    title, body, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

CREATE VIRTUAL TABLE section_titles USING fts5 (
    title, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

CREATE TABLE facts (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    as_of      TEXT,
    source     TEXT,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE organisation (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    name       TEXT NOT NULL DEFAULT '',
    short_name TEXT,
    logo       BLOB,
    logo_mime  TEXT,
    address    TEXT,
    website    TEXT
) STRICT;

CREATE TABLE events (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    short_name TEXT,
    edition    TEXT,
    city       TEXT,
    country    TEXT,
    organiser  TEXT,
    starts     TEXT,
    ends       TEXT,
    deadline   TEXT,
    word_limit INTEGER CHECK (word_limit > 0),
    languages  TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE statements (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL,
    event_seq  INTEGER REFERENCES events (seq),
    lang       TEXT NOT NULL,
    date       TEXT,
    template   TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('draft', 'final', 'submitted')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE signatories (
    statement_seq INTEGER NOT NULL REFERENCES statements (seq) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    role          TEXT,
    PRIMARY KEY (statement_seq, position)
) STRICT;

-- An item is either linked (a section pinned to a version) or statement-only text.
-- Linked items reference the exact version, so a used version can never disappear.
CREATE TABLE items (
    seq                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    statement_seq      INTEGER NOT NULL REFERENCES statements (seq) ON DELETE CASCADE,
    position           INTEGER NOT NULL CHECK (position >= 1),
    section_seq        INTEGER,
    version            INTEGER,
    title              TEXT,
    body               TEXT,
    forked_section_seq INTEGER,
    forked_version     INTEGER,
    FOREIGN KEY (section_seq, version) REFERENCES versions (section_seq, number),
    FOREIGN KEY (forked_section_seq, forked_version) REFERENCES versions (section_seq, number),
    CHECK ((section_seq IS NOT NULL AND version IS NOT NULL AND title IS NULL AND body IS NULL)
        OR (section_seq IS NULL AND version IS NULL AND title IS NOT NULL AND body IS NOT NULL))
) STRICT;

CREATE INDEX items_by_statement ON items (statement_seq, position);
CREATE INDEX items_by_section ON items (section_seq) WHERE section_seq IS NOT NULL;
CREATE INDEX items_by_fork ON items (forked_section_seq, forked_version) WHERE forked_section_seq IS NOT NULL;
