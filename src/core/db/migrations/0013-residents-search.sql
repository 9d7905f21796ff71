-- Typed search of the register by any part of a name: a full-text index of the given names and
-- both surnames, accents and case folded by the tokenizer. External content: the names are
-- stored once, in residents; triggers keep the index in step with every write.
-- A whole typed name is looked up by surnames and given names together: the surnames index
-- also carries the given names' phonetic key, so a common pair of surnames is not read row by
-- row (every earlier query on surnames_key keeps this index).

DROP INDEX residents_surnames;
CREATE INDEX residents_surnames ON residents (surnames_key, phonetic_given);

CREATE VIRTUAL TABLE residents_search USING fts5(
  given_names, surname1, surname2,
  content = 'residents', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO residents_search (residents_search) VALUES ('rebuild');

CREATE TRIGGER residents_search_insert AFTER INSERT ON residents BEGIN
  INSERT INTO residents_search (rowid, given_names, surname1, surname2)
  VALUES (new.id, new.given_names, new.surname1, new.surname2);
END;

CREATE TRIGGER residents_search_delete AFTER DELETE ON residents BEGIN
  INSERT INTO residents_search (residents_search, rowid, given_names, surname1, surname2)
  VALUES ('delete', old.id, old.given_names, old.surname1, old.surname2);
END;

CREATE TRIGGER residents_search_update AFTER UPDATE OF given_names, surname1, surname2 ON residents
BEGIN
  INSERT INTO residents_search (residents_search, rowid, given_names, surname1, surname2)
  VALUES ('delete', old.id, old.given_names, old.surname1, old.surname2);
  INSERT INTO residents_search (rowid, given_names, surname1, surname2)
  VALUES (new.id, new.given_names, new.surname1, new.surname2);
END;
