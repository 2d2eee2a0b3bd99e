-- Word limits per language (issue 11): an event may allow Spanish statements more words than
-- English ones. `events.word_limit` stays the limit for every language without its own.
CREATE TABLE event_word_limits (
    event_seq  INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
    lang       TEXT NOT NULL,
    word_limit INTEGER NOT NULL CHECK (word_limit > 0),
    PRIMARY KEY (event_seq, lang)
) STRICT, WITHOUT ROWID;
