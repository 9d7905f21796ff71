-- The app version each counter last reported with a push, for IT's counters board.
ALTER TABLE devices ADD COLUMN app_version TEXT
