-- 0002_text_account: warnings in columns (kind, page, quoted text); where
-- each report's text went; measures' cells in columns without a role
-- (measure_extras); report-level text outside the measures (report_notes).

-- Warnings written before this migration keep their kind NULL; their page
-- moves from the start of the message ("page 3: …") to its column.
ALTER TABLE report_warnings ADD COLUMN kind TEXT;
ALTER TABLE report_warnings ADD COLUMN page INTEGER CHECK (page >= 1);
ALTER TABLE report_warnings ADD COLUMN text TEXT;

UPDATE report_warnings
SET page    = CAST(substr(message, 6) AS INTEGER),
    message = substr(message, length('page ' || CAST(substr(message, 6) AS INTEGER) || ': ') + 1)
WHERE CAST(substr(message, 6) AS INTEGER) >= 1
  AND message GLOB 'page ' || CAST(substr(message, 6) AS INTEGER) || ': ?*';

CREATE INDEX report_warnings_kind ON report_warnings (kind);

-- The text account, in non-space characters after normalisation; NULL for
-- reports stored before it was kept.
ALTER TABLE reports ADD COLUMN text_read      INTEGER CHECK (text_read >= 0);
ALTER TABLE reports ADD COLUMN text_fields    INTEGER CHECK (text_fields >= 0);
ALTER TABLE reports ADD COLUMN text_extras    INTEGER CHECK (text_extras >= 0);
ALTER TABLE reports ADD COLUMN text_notes     INTEGER CHECK (text_notes >= 0);
ALTER TABLE reports ADD COLUMN text_furniture INTEGER CHECK (text_furniture >= 0);
ALTER TABLE reports ADD COLUMN text_lost      INTEGER CHECK (text_lost >= 0);
ALTER TABLE reports ADD COLUMN text_share     REAL    CHECK (text_share BETWEEN 0 AND 1);

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

-- report_summary gains the accounted share and the number of notes.
DROP VIEW report_summary;

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
