-- Go-live controls (docs/go-live.md): a card row is written for every card the service produced,
-- with what became of it: shown to the clinician, kept back (shadow: shadow mode, or a user outside
-- the pilot group) or withheld (suppressed: its topic is switched off). Rows written before this
-- migration were all shown. Whether the card offered a suggestion is kept for the alert-burden
-- report; still no patient, user or card text.
ALTER TABLE card ADD COLUMN disposition VARCHAR(16) DEFAULT 'shown' NOT NULL;
ALTER TABLE card ADD COLUMN suggestion BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE card ADD CONSTRAINT card_disposition CHECK (disposition IN ('shown', 'shadow', 'suppressed'));
