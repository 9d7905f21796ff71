-- What central's directory of verified handles shows for a resident: a masked name taken from
-- the register when the verification was made ("M*** G***"), never the name itself.
ALTER TABLE verifications ADD COLUMN resident_masked_name TEXT;
