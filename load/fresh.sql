-- The schema of a new database: what migrations 1 to 12 build on an empty file.
-- Made from migrations/ by `go test -tags sqlite_fts5 ./load -run TestFreshSchema -update`; do not edit.

CREATE TABLE schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	);

CREATE TABLE reports (
	id          INTEGER PRIMARY KEY,
	path        TEXT    NOT NULL,
	format      TEXT    NOT NULL CHECK (format IN ('txt', 'docx', 'pdf', 'doc', 'odt', 'html')),
	sha256      TEXT    NOT NULL UNIQUE
	            CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
	pages       INTEGER NOT NULL CHECK (pages >= 0),
	title       TEXT,
	agency      TEXT,
	year        INTEGER,
	plan_title  TEXT,
	plan_start  INTEGER,
	plan_end    INTEGER,
	ingested_at TEXT    NOT NULL
, text_read      INTEGER CHECK (text_read >= 0), text_fields    INTEGER CHECK (text_fields >= 0), text_extras    INTEGER CHECK (text_extras >= 0), text_notes     INTEGER CHECK (text_notes >= 0), text_furniture INTEGER CHECK (text_furniture >= 0), text_lost      INTEGER CHECK (text_lost >= 0), text_share     REAL    CHECK (text_share BETWEEN 0 AND 1), rules_version INTEGER, agency_id INTEGER REFERENCES agencies (id), plan_id INTEGER REFERENCES plans (id), period TEXT, identity TEXT, status TEXT NOT NULL DEFAULT 'current'
	CHECK (status IN ('current', 'source', 'superseded', 'removed')), current_id INTEGER REFERENCES reports (id) ON DELETE SET NULL, document_date TEXT, file_time TEXT, page_count INTEGER CHECK (page_count >= 1), measure_count INTEGER NOT NULL DEFAULT 0, fact_count INTEGER NOT NULL DEFAULT 0, content_digest TEXT);

CREATE TABLE report_warnings (
	id        INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	message   TEXT    NOT NULL, kind TEXT, page INTEGER CHECK (page >= 1), text TEXT,
	UNIQUE (report_id, position)
);

CREATE TABLE measures (
	id             INTEGER PRIMARY KEY,
	report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	position       INTEGER NOT NULL CHECK (position >= 1),
	number         TEXT,
	section        TEXT,
	title          TEXT,
	executor       TEXT,
	term_raw       TEXT,
	term_start     INTEGER,
	term_end       INTEGER,
	term_recurring INTEGER NOT NULL CHECK (term_recurring IN (0, 1)),
	work_done      TEXT,
	raw            TEXT,
	page_first     INTEGER NOT NULL,
	page_last      INTEGER NOT NULL CHECK (page_last >= page_first),
	byte_offset    INTEGER CHECK (byte_offset >= 0), number_sort INTEGER, fact_count INTEGER NOT NULL DEFAULT 0, plan_measure_id INTEGER REFERENCES plan_measures (id) ON DELETE SET NULL, plan_link TEXT
	CHECK (plan_link IN ('number', 'title', 'new', 'unlinked')), title_key TEXT, executor_key TEXT, work_done_key TEXT, extras_key TEXT, title_bare TEXT, work_done_bare TEXT, extras_bare TEXT, ocr INTEGER NOT NULL DEFAULT 0 CHECK (ocr IN (0, 1)), ocr_confidence REAL
	CHECK (ocr_confidence IS NULL OR (ocr_confidence >= 0 AND ocr_confidence <= 1)),
	UNIQUE (report_id, position)
);

CREATE TABLE facts (
	id         INTEGER PRIMARY KEY,
	measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL CHECK (position >= 1),
	kind       TEXT    NOT NULL CHECK (kind <> ''),
	value      REAL,
	value_end  REAL,
	unit       TEXT,
	currency   TEXT,
	iso_date   TEXT,
	ref        TEXT,
	qualifier  TEXT,
	span_text  TEXT    NOT NULL,
	span_start INTEGER NOT NULL CHECK (span_start >= 0),
	span_end   INTEGER NOT NULL CHECK (span_end >= span_start), count INTEGER, amount REAL,
	UNIQUE (measure_id, position)
);

CREATE TABLE measure_extras (
	id         INTEGER PRIMARY KEY,
	measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL CHECK (position >= 1),
	header     TEXT    NOT NULL,
	text       TEXT    NOT NULL,
	UNIQUE (measure_id, position),
	UNIQUE (measure_id, header)
);

CREATE TABLE report_notes (
	id        INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL CHECK (position >= 1),
	text      TEXT    NOT NULL,
	UNIQUE (report_id, position)
);

CREATE TABLE "ingest_errors" (
	id            INTEGER PRIMARY KEY,
	path          TEXT    NOT NULL,
	sha256        TEXT
	              CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
	kind          TEXT    NOT NULL,
	page          INTEGER CHECK (page >= 1),
	message       TEXT    NOT NULL,
	hint          TEXT,
	first_seen    TEXT    NOT NULL,
	last_seen     TEXT    NOT NULL,
	attempts      INTEGER NOT NULL CHECK (attempts >= 1),
	rules_version INTEGER,
	capabilities  TEXT
);

CREATE TABLE agencies (
	id    INTEGER PRIMARY KEY,
	name  TEXT    NOT NULL UNIQUE,
	known INTEGER NOT NULL CHECK (known IN (0, 1))
);

CREATE TABLE agency_aliases (
	id        INTEGER PRIMARY KEY,
	agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
	alias     TEXT    NOT NULL,
	key       TEXT    NOT NULL UNIQUE
);

CREATE TABLE plans (
	id         INTEGER PRIMARY KEY,
	title      TEXT    NOT NULL,
	key        TEXT    NOT NULL UNIQUE,
	start_year INTEGER,
	end_year   INTEGER
);

CREATE TABLE plan_measures (
	id            INTEGER PRIMARY KEY,
	plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
	number        TEXT,
	number_sort   INTEGER,
	title         TEXT    NOT NULL,
	measure_count INTEGER NOT NULL DEFAULT 0 CHECK (measure_count >= 0)
);

CREATE TABLE plan_measure_variants (
	id              INTEGER PRIMARY KEY,
	plan_measure_id INTEGER NOT NULL REFERENCES plan_measures (id) ON DELETE CASCADE,
	title           TEXT    NOT NULL,
	number          TEXT    NOT NULL,
	measures        INTEGER NOT NULL CHECK (measures >= 0),
	first_measure   INTEGER NOT NULL,
	UNIQUE (plan_measure_id, title, number)
);

CREATE TABLE plan_coverage (
	id              INTEGER PRIMARY KEY,
	plan_measure_id INTEGER NOT NULL REFERENCES plan_measures (id) ON DELETE CASCADE,
	report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	measure_id      INTEGER REFERENCES measures (id) ON DELETE SET NULL,
	reported        INTEGER NOT NULL CHECK (reported IN (0, 1)),
	UNIQUE (plan_measure_id, report_id)
);

CREATE VIRTUAL TABLE measures_fts USING fts5 (
	title_key, work_done_key, extras_key,
	title_bare, work_done_bare, extras_bare,
	content="measures", content_rowid="id",
	tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TABLE measure_boxes (
	id         INTEGER PRIMARY KEY,
	measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL CHECK (position >= 1),
	page       INTEGER NOT NULL CHECK (page >= 1),
	x0         REAL    NOT NULL,
	y0         REAL    NOT NULL,
	x1         REAL    NOT NULL CHECK (x1 >= x0),
	y1         REAL    NOT NULL CHECK (y1 >= y0),
	UNIQUE (measure_id, position)
);

CREATE TABLE plan_measure_titles (
	plan_measure_id INTEGER NOT NULL REFERENCES plan_measures (id) ON DELETE CASCADE,
	title           TEXT    NOT NULL,
	measures        INTEGER NOT NULL CHECK (measures >= 0),
	first_measure   INTEGER NOT NULL,
	PRIMARY KEY (plan_measure_id, title)
) WITHOUT ROWID;

CREATE TABLE plan_measure_numbers (
	plan_measure_id INTEGER NOT NULL REFERENCES plan_measures (id) ON DELETE CASCADE,
	number          TEXT    NOT NULL,
	measures        INTEGER NOT NULL CHECK (measures >= 0),
	first_measure   INTEGER NOT NULL,
	PRIMARY KEY (plan_measure_id, number)
) WITHOUT ROWID;

CREATE INDEX facts_kind_unit ON facts (kind, unit);

CREATE INDEX report_warnings_kind ON report_warnings (kind);

CREATE UNIQUE INDEX ingest_errors_content ON ingest_errors (sha256) WHERE sha256 IS NOT NULL;

CREATE UNIQUE INDEX ingest_errors_unread ON ingest_errors (path) WHERE sha256 IS NULL;

CREATE INDEX agency_aliases_agency_id ON agency_aliases (agency_id);

CREATE INDEX plan_measures_plan_id ON plan_measures (plan_id);

CREATE INDEX reports_agency_id ON reports (agency_id);

CREATE INDEX reports_plan_id ON reports (plan_id);

CREATE INDEX reports_identity ON reports (identity);

CREATE INDEX reports_current_id ON reports (current_id);

CREATE INDEX reports_path ON reports (path);

CREATE INDEX measures_plan_measure_id ON measures (plan_measure_id, report_id);

CREATE INDEX plan_coverage_report_id ON plan_coverage (report_id);

CREATE INDEX plan_coverage_measure_id ON plan_coverage (measure_id);

CREATE INDEX reports_plan_status ON reports (plan_id, status);

CREATE INDEX plan_measure_titles_rank ON plan_measure_titles (plan_measure_id, measures DESC, first_measure, title);

CREATE INDEX plan_measure_numbers_rank ON plan_measure_numbers (plan_measure_id, measures DESC, first_measure, number);

CREATE VIEW current_reports AS
SELECT
	r.id            AS report_id,
	a.name          AS agency,
	a.known         AS agency_known,
	r.year          AS year,
	r.period        AS period,
	p.title         AS plan,
	r.title         AS title,
	r.format        AS format,
	r.path          AS path,
	r.sha256        AS sha256,
	r.page_count    AS pages,
	r.measure_count AS measure_count,
	r.fact_count    AS fact_count,
	r.document_date AS document_date,
	r.ingested_at   AS ingested_at
FROM reports AS r
LEFT JOIN agencies AS a ON a.id = r.agency_id
LEFT JOIN plans AS p ON p.id = r.plan_id
WHERE r.status = 'current';

CREATE VIEW coverage AS
SELECT
	pm.plan_id      AS plan_id,
	p.title         AS plan,
	pm.id           AS plan_measure_id,
	pm.number       AS plan_measure_number,
	pm.number_sort  AS plan_measure_sort,
	pm.title        AS plan_measure_title,
	a.name          AS agency,
	r.year          AS year,
	r.period        AS period,
	c.report_id     AS report_id,
	c.reported      AS reported,
	c.measure_id    AS measure_id
FROM plan_coverage AS c
JOIN plan_measures AS pm ON pm.id = c.plan_measure_id
JOIN plans AS p ON p.id = pm.plan_id
JOIN reports AS r ON r.id = c.report_id
LEFT JOIN agencies AS a ON a.id = r.agency_id
WHERE r.status = 'current' AND pm.measure_count > 0;

CREATE VIEW report_sources AS
SELECT
	r.id            AS report_id,
	r.path          AS path,
	r.format        AS format,
	r.sha256        AS sha256,
	r.status        AS status,
	r.current_id    AS current_id,
	a.name          AS agency,
	r.year          AS year,
	r.period        AS period,
	r.identity      AS identity,
	r.document_date AS document_date,
	r.file_time     AS file_time,
	r.ingested_at   AS ingested_at
FROM reports AS r
LEFT JOIN agencies AS a ON a.id = r.agency_id;

CREATE VIEW current_measures AS
SELECT
	m.id              AS measure_id,
	r.id              AS report_id,
	a.name            AS agency,
	r.year            AS year,
	r.period          AS period,
	p.title           AS plan,
	m.section         AS section,
	m.number          AS number,
	m.number_sort     AS number_sort,
	m.title           AS title,
	m.executor        AS executor,
	m.term_raw        AS term,
	m.term_start      AS term_start,
	m.term_end        AS term_end,
	m.term_recurring  AS term_recurring,
	m.work_done       AS work_done,
	m.title_key       AS title_key,
	m.executor_key    AS executor_key,
	m.work_done_key   AS work_done_key,
	m.page_first      AS page_first,
	m.page_last       AS page_last,
	r.page_count      AS report_pages,
	m.fact_count      AS fact_count,
	m.ocr             AS ocr,
	m.ocr_confidence  AS ocr_confidence,
	m.plan_measure_id AS plan_measure_id,
	m.plan_link       AS plan_link,
	r.path            AS path
FROM measures AS m
JOIN reports AS r ON r.id = m.report_id
LEFT JOIN agencies AS a ON a.id = r.agency_id
LEFT JOIN plans AS p ON p.id = r.plan_id
WHERE r.status = 'current';

CREATE VIEW current_facts AS
SELECT
	f.id              AS fact_id,
	m.id              AS measure_id,
	r.id              AS report_id,
	a.name            AS agency,
	r.year            AS year,
	r.period          AS period,
	p.title           AS plan,
	m.section         AS section,
	m.number          AS number,
	m.number_sort     AS number_sort,
	m.title           AS measure_title,
	m.title_key       AS measure_title_key,
	m.executor        AS executor,
	m.term_recurring  AS term_recurring,
	f.kind            AS kind,
	f.count           AS count,
	f.amount          AS amount,
	f.value           AS value,
	f.value_end       AS value_end,
	f.unit            AS unit,
	f.currency        AS currency,
	f.iso_date        AS iso_date,
	f.ref             AS ref,
	f.qualifier       AS qualifier,
	f.span_text       AS span_text,
	m.ocr             AS ocr,
	m.ocr_confidence  AS ocr_confidence,
	m.page_first      AS page_first,
	m.page_last       AS page_last,
	m.plan_measure_id AS plan_measure_id,
	r.path            AS path
FROM facts AS f
JOIN measures AS m ON m.id = f.measure_id
JOIN reports AS r ON r.id = m.report_id
LEFT JOIN agencies AS a ON a.id = r.agency_id
LEFT JOIN plans AS p ON p.id = r.plan_id
WHERE r.status = 'current';

CREATE VIEW measure_facts AS
SELECT
	f.id         AS fact_id,
	r.id         AS report_id,
	r.agency     AS agency,
	r.year       AS year,
	r.title      AS report_title,
	r.path       AS path,
	m.id         AS measure_id,
	m.number     AS measure_number,
	m.title      AS measure_title,
	m.section    AS section,
	m.executor   AS executor,
	f.kind       AS kind,
	f.value      AS value,
	f.value_end  AS value_end,
	f.unit       AS unit,
	f.currency   AS currency,
	f.iso_date   AS iso_date,
	f.ref        AS ref,
	f.qualifier  AS qualifier,
	f.span_text  AS span_text,
	m.page_first AS page_first,
	m.page_last  AS page_last
FROM facts AS f
JOIN measures AS m ON m.id = f.measure_id
JOIN reports AS r ON r.id = m.report_id
WHERE r.status = 'current';

CREATE VIEW report_summary AS
SELECT
	r.id            AS report_id,
	r.path          AS path,
	r.format        AS format,
	r.agency        AS agency,
	r.year          AS year,
	r.title         AS title,
	r.pages         AS pages,
	r.measure_count AS measure_count,
	r.fact_count    AS fact_count,
	(SELECT count(*) FROM report_warnings AS w WHERE w.report_id = r.id) AS warning_count,
	(SELECT count(*) FROM report_notes AS n WHERE n.report_id = r.id) AS note_count,
	r.text_share    AS text_share,
	r.ingested_at   AS ingested_at
FROM reports AS r
WHERE r.status = 'current';

CREATE TRIGGER measures_fts_insert AFTER INSERT ON measures BEGIN
	INSERT INTO measures_fts (rowid, title_key, work_done_key, extras_key, title_bare, work_done_bare, extras_bare)
	VALUES (new.id, new.title_key, new.work_done_key, new.extras_key, new.title_bare, new.work_done_bare, new.extras_bare);
END;

CREATE TRIGGER measures_fts_delete AFTER DELETE ON measures BEGIN
	INSERT INTO measures_fts (measures_fts, rowid, title_key, work_done_key, extras_key, title_bare, work_done_bare, extras_bare)
	VALUES ('delete', old.id, old.title_key, old.work_done_key, old.extras_key, old.title_bare, old.work_done_bare, old.extras_bare);
END;

CREATE TRIGGER measures_fts_update AFTER UPDATE OF title_key, work_done_key, extras_key, title_bare, work_done_bare, extras_bare ON measures BEGIN
	INSERT INTO measures_fts (measures_fts, rowid, title_key, work_done_key, extras_key, title_bare, work_done_bare, extras_bare)
	VALUES ('delete', old.id, old.title_key, old.work_done_key, old.extras_key, old.title_bare, old.work_done_bare, old.extras_bare);
	INSERT INTO measures_fts (rowid, title_key, work_done_key, extras_key, title_bare, work_done_bare, extras_bare)
	VALUES (new.id, new.title_key, new.work_done_key, new.extras_key, new.title_bare, new.work_done_bare, new.extras_bare);
END;

CREATE TRIGGER plan_measure_variants_insert AFTER INSERT ON measures
WHEN new.plan_measure_id IS NOT NULL BEGIN
	INSERT INTO plan_measure_variants (plan_measure_id, title, number, measures, first_measure)
	VALUES (new.plan_measure_id, coalesce(new.title, ''), coalesce(new.number, ''), 1, new.id)
	ON CONFLICT (plan_measure_id, title, number) DO UPDATE
	SET measures = measures + 1, first_measure = min(first_measure, excluded.first_measure);
	INSERT INTO plan_measure_titles (plan_measure_id, title, measures, first_measure)
	SELECT new.plan_measure_id, new.title, 1, new.id WHERE new.title <> ''
	ON CONFLICT (plan_measure_id, title) DO UPDATE
	SET measures = measures + 1, first_measure = min(first_measure, excluded.first_measure);
	INSERT INTO plan_measure_numbers (plan_measure_id, number, measures, first_measure)
	SELECT new.plan_measure_id, new.number, 1, new.id WHERE new.number <> ''
	ON CONFLICT (plan_measure_id, number) DO UPDATE
	SET measures = measures + 1, first_measure = min(first_measure, excluded.first_measure);
END;

CREATE TRIGGER plan_measure_variants_link AFTER UPDATE OF plan_measure_id, title, number ON measures
WHEN new.plan_measure_id IS NOT NULL BEGIN
	INSERT INTO plan_measure_variants (plan_measure_id, title, number, measures, first_measure)
	VALUES (new.plan_measure_id, coalesce(new.title, ''), coalesce(new.number, ''), 1, new.id)
	ON CONFLICT (plan_measure_id, title, number) DO UPDATE
	SET measures = measures + 1, first_measure = min(first_measure, excluded.first_measure);
	INSERT INTO plan_measure_titles (plan_measure_id, title, measures, first_measure)
	SELECT new.plan_measure_id, new.title, 1, new.id WHERE new.title <> ''
	ON CONFLICT (plan_measure_id, title) DO UPDATE
	SET measures = measures + 1, first_measure = min(first_measure, excluded.first_measure);
	INSERT INTO plan_measure_numbers (plan_measure_id, number, measures, first_measure)
	SELECT new.plan_measure_id, new.number, 1, new.id WHERE new.number <> ''
	ON CONFLICT (plan_measure_id, number) DO UPDATE
	SET measures = measures + 1, first_measure = min(first_measure, excluded.first_measure);
END;

CREATE TRIGGER plan_measure_variants_unlink AFTER UPDATE OF plan_measure_id, title, number ON measures
WHEN old.plan_measure_id IS NOT NULL BEGIN
	UPDATE plan_measure_variants SET measures = measures - 1
	WHERE plan_measure_id = old.plan_measure_id AND title = coalesce(old.title, '') AND number = coalesce(old.number, '');
	UPDATE plan_measure_titles SET measures = measures - 1
	WHERE plan_measure_id = old.plan_measure_id AND title = old.title;
	UPDATE plan_measure_numbers SET measures = measures - 1
	WHERE plan_measure_id = old.plan_measure_id AND number = old.number;
END;

CREATE TRIGGER plan_measure_variants_delete AFTER DELETE ON measures
WHEN old.plan_measure_id IS NOT NULL BEGIN
	UPDATE plan_measure_variants SET measures = measures - 1
	WHERE plan_measure_id = old.plan_measure_id AND title = coalesce(old.title, '') AND number = coalesce(old.number, '');
	UPDATE plan_measure_titles SET measures = measures - 1
	WHERE plan_measure_id = old.plan_measure_id AND title = old.title;
	UPDATE plan_measure_numbers SET measures = measures - 1
	WHERE plan_measure_id = old.plan_measure_id AND number = old.number;
END;

INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, '0001_init.sql', '');
INSERT INTO schema_migrations (version, name, applied_at) VALUES (2, '0002_text_account.sql', '');
INSERT INTO schema_migrations (version, name, applied_at) VALUES (3, '0003_formats.sql', '');
INSERT INTO schema_migrations (version, name, applied_at) VALUES (4, '0004_ingest_state.sql', '');
INSERT INTO schema_migrations (version, name, applied_at) VALUES (5, '0005_identity.sql', '');
INSERT INTO schema_migrations (version, name, applied_at) VALUES (6, '0006_search.sql', '');
INSERT INTO schema_migrations (version, name, applied_at) VALUES (7, '0007_boxes.sql', '');
INSERT INTO schema_migrations (version, name, applied_at) VALUES (8, '0008_ocr.sql', '');
INSERT INTO schema_migrations (version, name, applied_at) VALUES (9, '0009_current_views.sql', '');
INSERT INTO schema_migrations (version, name, applied_at) VALUES (10, '0010_faster_saves.sql', '');
INSERT INTO schema_migrations (version, name, applied_at) VALUES (11, '0011_merge_later.sql', '');
INSERT INTO schema_migrations (version, name, applied_at) VALUES (12, '0012_plan_names.sql', '');
INSERT INTO measures_fts (measures_fts) VALUES ('rebuild');
INSERT INTO measures_fts (measures_fts, rank) VALUES ('automerge', 16);
