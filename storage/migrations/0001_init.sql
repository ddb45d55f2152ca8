-- Counterpart library, schema 1: parties, documents and their provisions,
-- topics, statements and manual alignment decisions.

CREATE TABLE parties (
	id     INTEGER PRIMARY KEY,
	name   TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
	short  TEXT NOT NULL DEFAULT '',
	colour TEXT NOT NULL DEFAULT ''
);

CREATE TABLE documents (
	id           INTEGER PRIMARY KEY,
	title        TEXT NOT NULL CHECK (title <> ''),
	kind         TEXT NOT NULL DEFAULT '',
	date         TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	language     TEXT NOT NULL DEFAULT '',
	revises      INTEGER REFERENCES documents (id) ON DELETE SET NULL,
	content_hash TEXT NOT NULL, -- for duplicate detection; not unique, edits may collide
	imported_at  TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents (content_hash);
CREATE INDEX documents_date ON documents (date, id);
CREATE INDEX documents_revises ON documents (revises);

-- The authors of a document, in order.
CREATE TABLE document_parties (
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	position    INTEGER NOT NULL,
	party_id    INTEGER NOT NULL REFERENCES parties (id),
	PRIMARY KEY (document_id, position),
	UNIQUE (document_id, party_id)
) WITHOUT ROWID;
CREATE INDEX document_parties_party ON document_parties (party_id);

CREATE TABLE provisions (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	label       TEXT NOT NULL CHECK (label <> ''),
	parent      TEXT NOT NULL DEFAULT '',
	heading     TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL,
	ord         INTEGER NOT NULL,
	stance      TEXT NOT NULL DEFAULT '',
	UNIQUE (document_id, label)
);
CREATE INDEX provisions_order ON provisions (document_id, ord);

CREATE TABLE topics (
	id    TEXT PRIMARY KEY,
	title TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO topics (id, title) VALUES
	('ceasefire', 'Ceasefire and monitoring'),
	('territory', 'Territory'),
	('alliances', 'Neutrality and alliances'),
	('armed-forces', 'Armed forces limits'),
	('foreign-troops', 'Foreign troops and military aid'),
	('guarantees', 'Security guarantees'),
	('nuclear', 'Nuclear safety and weapons'),
	('humanitarian', 'Humanitarian'),
	('sanctions', 'Sanctions and economic relations'),
	('assets', 'Assets, reparations and reconstruction'),
	('elections', 'Elections and governance'),
	('rights', 'Language, religion, culture and rights'),
	('amnesty', 'Amnesty and justice'),
	('implementation', 'Sequencing and implementation');

-- The topics of a provision, in order.
CREATE TABLE provision_topics (
	provision_id INTEGER NOT NULL REFERENCES provisions (id) ON DELETE CASCADE,
	position     INTEGER NOT NULL,
	topic_id     TEXT NOT NULL REFERENCES topics (id),
	PRIMARY KEY (provision_id, position),
	UNIQUE (provision_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX provision_topics_topic ON provision_topics (topic_id);

CREATE TABLE statements (
	id       INTEGER PRIMARY KEY,
	date     TEXT NOT NULL,
	party_id INTEGER NOT NULL REFERENCES parties (id),
	speaker  TEXT NOT NULL DEFAULT '',
	text     TEXT NOT NULL,
	source   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX statements_date ON statements (date, id);
CREATE INDEX statements_party ON statements (party_id);

-- Manual alignment decisions for an ordered pair of documents; provisions
-- are named by label so that decisions survive re-importing a document.
CREATE TABLE decisions (
	id          INTEGER PRIMARY KEY,
	left_doc    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	right_doc   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	kind        TEXT NOT NULL CHECK (kind IN ('pair', 'split', 'no-counterpart')),
	left_label  TEXT NOT NULL DEFAULT '',
	right_label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX decisions_pair ON decisions (left_doc, right_doc);
CREATE INDEX decisions_right ON decisions (right_doc);
