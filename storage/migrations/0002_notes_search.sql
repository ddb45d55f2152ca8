-- Counterpart library, schema 2: analysts' notes and the full-text index.

CREATE TABLE notes (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	label       TEXT NOT NULL,
	other_doc   INTEGER REFERENCES documents (id) ON DELETE CASCADE, -- NULL for a provision note
	text        TEXT NOT NULL,
	created     TEXT NOT NULL
);
CREATE INDEX notes_document ON notes (document_id);
CREATE INDEX notes_other ON notes (other_doc);

-- One index over provision and statement texts. The rowid is the
-- provision's id, or minus the statement's id. unicode61 folds case (Latin,
-- Cyrillic, Greek…) and, with remove_diacritics 2, strips accents.
CREATE VIRTUAL TABLE search USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO search (rowid, text) SELECT id, text FROM provisions;
INSERT INTO search (rowid, text) SELECT -id, text FROM statements;

CREATE TRIGGER provisions_search_insert AFTER INSERT ON provisions BEGIN
	INSERT INTO search (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER provisions_search_delete AFTER DELETE ON provisions BEGIN
	DELETE FROM search WHERE rowid = old.id;
END;
CREATE TRIGGER provisions_search_update AFTER UPDATE OF id, text ON provisions BEGIN
	DELETE FROM search WHERE rowid = old.id;
	INSERT INTO search (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER statements_search_insert AFTER INSERT ON statements BEGIN
	INSERT INTO search (rowid, text) VALUES (-new.id, new.text);
END;
CREATE TRIGGER statements_search_delete AFTER DELETE ON statements BEGIN
	DELETE FROM search WHERE rowid = -old.id;
END;
CREATE TRIGGER statements_search_update AFTER UPDATE OF id, text ON statements BEGIN
	DELETE FROM search WHERE rowid = -old.id;
	INSERT INTO search (rowid, text) VALUES (-new.id, new.text);
END;
