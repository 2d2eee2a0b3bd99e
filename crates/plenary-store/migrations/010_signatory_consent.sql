-- Signatories' consent (issue 11): invited, agreed (who recorded it, when, and the statement's
-- text they agreed to) or declined. Signatories from before this step were added as agreed and
-- stay so, with no recorded text (their agreement never goes stale).
ALTER TABLE signatories ADD COLUMN consent TEXT NOT NULL DEFAULT 'agreed'
    CHECK (consent IN ('invited', 'agreed', 'declined'));
ALTER TABLE signatories ADD COLUMN consent_by TEXT;
ALTER TABLE signatories ADD COLUMN consent_at TEXT;
ALTER TABLE signatories ADD COLUMN consent_text TEXT;
ALTER TABLE signatories ADD COLUMN consent_note TEXT;
