CREATE INDEX facts_kind_unit ON facts (kind, unit);

CREATE UNIQUE INDEX ingest_errors_content ON ingest_errors (sha256) WHERE sha256 IS NOT NULL;

CREATE UNIQUE INDEX ingest_errors_unread ON ingest_errors (path) WHERE sha256 IS NULL;

CREATE INDEX report_warnings_kind ON report_warnings (kind);

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
	span_end   INTEGER NOT NULL CHECK (span_end >= span_start),
	UNIQUE (measure_id, position)
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

CREATE TABLE measure_extras (
	id         INTEGER PRIMARY KEY,
	measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL CHECK (position >= 1),
	header     TEXT    NOT NULL,
	text       TEXT    NOT NULL,
	UNIQUE (measure_id, position),
	UNIQUE (measure_id, header)
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
	byte_offset    INTEGER CHECK (byte_offset >= 0),
	UNIQUE (report_id, position)
);

CREATE VIRTUAL TABLE measures_fts USING fts5 (
	title,
	work_done,
	content="measures",
	content_rowid="id",
	tokenize="unicode61 remove_diacritics 2"
);

CREATE TABLE report_notes (
	id        INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL CHECK (position >= 1),
	text      TEXT    NOT NULL,
	UNIQUE (report_id, position)
);

CREATE TABLE report_warnings (
	id        INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	message   TEXT    NOT NULL, kind TEXT, page INTEGER CHECK (page >= 1), text TEXT,
	UNIQUE (report_id, position)
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
, text_read      INTEGER CHECK (text_read >= 0), text_fields    INTEGER CHECK (text_fields >= 0), text_extras    INTEGER CHECK (text_extras >= 0), text_notes     INTEGER CHECK (text_notes >= 0), text_furniture INTEGER CHECK (text_furniture >= 0), text_lost      INTEGER CHECK (text_lost >= 0), text_share     REAL    CHECK (text_share BETWEEN 0 AND 1), rules_version INTEGER);

CREATE TABLE schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	);

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
JOIN reports AS r ON r.id = m.report_id;

CREATE VIEW report_summary AS
SELECT
	r.id          AS report_id,
	r.path        AS path,
	r.format      AS format,
	r.agency      AS agency,
	r.year        AS year,
	r.title       AS title,
	r.pages       AS pages,
	(SELECT count(*) FROM measures AS m WHERE m.report_id = r.id) AS measure_count,
	(SELECT count(*) FROM facts AS f JOIN measures AS m ON m.id = f.measure_id
	  WHERE m.report_id = r.id) AS fact_count,
	(SELECT count(*) FROM report_warnings AS w WHERE w.report_id = r.id) AS warning_count,
	(SELECT count(*) FROM report_notes AS n WHERE n.report_id = r.id) AS note_count,
	r.text_share  AS text_share,
	r.ingested_at AS ingested_at
FROM reports AS r;

