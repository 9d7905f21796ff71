-- What a manager's override covered (an expired document, data that disagree with the register)
-- and whether the clerk typed the document's data by hand instead of reading the card. Screens,
-- receipts and central read these back from the saved record.
ALTER TABLE verifications ADD COLUMN override_grounds TEXT NOT NULL DEFAULT '[]';
ALTER TABLE verifications ADD COLUMN entry TEXT NOT NULL DEFAULT 'read'
  CHECK (entry IN ('read', 'typed'));
