-- Which section a translation was made from, and up to which version of it (issue 11): when the
-- source gets a newer version, the translation is out of date until someone brings it up to date.
-- Groups linked before this step take their oldest section as the source, at its current version.
CREATE TABLE translation_sources (
    section_seq    INTEGER PRIMARY KEY REFERENCES sections (seq) ON DELETE CASCADE,
    source_seq     INTEGER NOT NULL REFERENCES sections (seq) ON DELETE CASCADE,
    source_version INTEGER NOT NULL CHECK (source_version >= 1),
    CHECK (section_seq <> source_seq)
) STRICT;

CREATE INDEX translation_sources_by_source ON translation_sources (source_seq);

INSERT INTO translation_sources (section_seq, source_seq, source_version)
SELECT s.seq, o.seq, o.current_version
FROM sections s
JOIN sections o ON o.seq = (SELECT min(seq) FROM sections g WHERE g.translation_group = s.translation_group)
WHERE s.translation_group IS NOT NULL AND s.seq <> o.seq;
