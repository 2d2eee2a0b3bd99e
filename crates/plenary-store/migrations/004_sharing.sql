-- Sharing between libraries (bundles, issue 10).
-- A section whose text changed in two libraries since their last common version keeps both
-- branches and is marked diverged until a person chooses which text goes on: `diverged_with` is
-- the other branch's newest version (NULL: not diverged).
ALTER TABLE sections ADD COLUMN diverged_with INTEGER CHECK (diverged_with >= 1);
-- Where a vetting record came from when it arrived in a bundle (NULL: recorded in this library).
ALTER TABLE versions ADD COLUMN vetted_via TEXT;
