-- Name + birth-date lookups at a million residents. The matcher reads the names born on a date
-- from the index alone (no table row per resident that day) and fetches only the rows worth
-- scoring; namesakes are found nearest in birth date first. Each new index starts with the
-- columns of the one it replaces, so every earlier query keeps an index.

DROP INDEX residents_birth;
CREATE INDEX residents_birth_names ON residents (birth_date, surname1, surname2, given_names);

DROP INDEX residents_phonetic;
CREATE INDEX residents_phonetic_birth ON residents (phonetic_surname1, phonetic_given, birth_date);
