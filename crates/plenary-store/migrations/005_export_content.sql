-- The record of what was sent (issue 11): every export keeps the file it wrote, byte for byte,
-- and the statement's text as exported, so that "what exactly did we submit?" has an answer
-- whatever changed since. Exports recorded before this step have neither (NULL).
ALTER TABLE exports ADD COLUMN content BLOB;
ALTER TABLE exports ADD COLUMN text TEXT;
