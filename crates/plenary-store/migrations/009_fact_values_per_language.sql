-- A fact's value in single languages (issue 11): `fact set families "más de 100.000 familias"
-- --lang es`. Text in that language shows it instead of `facts.value`.
CREATE TABLE fact_values (
    key   TEXT NOT NULL REFERENCES facts (key) ON DELETE CASCADE ON UPDATE CASCADE,
    lang  TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (key, lang)
) STRICT, WITHOUT ROWID;
