-- 0005_identity: one truth per report. Agencies with their aliases, plans
-- with the measures reported under them, each report's identity (agency,
-- plan, year, period) and status (current, source, superseded, removed),
-- typed columns for values that BI views would otherwise compute, coverage,
-- and views over current reports only.
--
-- Written against 0001's tables; it only adds tables, columns, indexes and
-- views. Identity, agencies, plan links and sort keys of reports stored
-- before this migration are filled in by load.Open (they need Go: the
-- Azerbaijani folding of names and titles); the plain counts are filled
-- here.

-- A state body, by its canonical name. known is 1 for bodies from the
-- built-in list (load/agencies.tsv) or added by the user, 0 for a name read
-- from a report and matching none of them.
CREATE TABLE agencies (
	id    INTEGER PRIMARY KEY,
	name  TEXT    NOT NULL UNIQUE,
	known INTEGER NOT NULL CHECK (known IN (0, 1))
);

-- The names an agency goes by. key is the folded form (load's agencyKey):
-- case, the "Azərbaycan Respublikası" prefix and case endings removed; a
-- report's agency is looked up by it.
CREATE TABLE agency_aliases (
	id        INTEGER PRIMARY KEY,
	agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
	alias     TEXT    NOT NULL,
	key       TEXT    NOT NULL UNIQUE
);
CREATE INDEX agency_aliases_agency_id ON agency_aliases (agency_id);

-- A national action plan, as named in report titles. key is the title's
-- LooseKey.
CREATE TABLE plans (
	id         INTEGER PRIMARY KEY,
	title      TEXT    NOT NULL,
	key        TEXT    NOT NULL UNIQUE,
	start_year INTEGER,
	end_year   INTEGER
);

-- One measure of a plan, gathered from the reports on the plan: its most
-- common number and title among the measures linked to it, and how many
-- measures of current reports are linked to it.
CREATE TABLE plan_measures (
	id            INTEGER PRIMARY KEY,
	plan_id       INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
	number        TEXT,
	number_sort   INTEGER,
	title         TEXT    NOT NULL,
	measure_count INTEGER NOT NULL DEFAULT 0 CHECK (measure_count >= 0)
);
CREATE INDEX plan_measures_plan_id ON plan_measures (plan_id);

ALTER TABLE reports ADD COLUMN agency_id INTEGER REFERENCES agencies (id);
ALTER TABLE reports ADD COLUMN plan_id INTEGER REFERENCES plans (id);
ALTER TABLE reports ADD COLUMN period TEXT;
ALTER TABLE reports ADD COLUMN identity TEXT;
ALTER TABLE reports ADD COLUMN status TEXT NOT NULL DEFAULT 'current'
	CHECK (status IN ('current', 'source', 'superseded', 'removed'));
ALTER TABLE reports ADD COLUMN current_id INTEGER REFERENCES reports (id) ON DELETE SET NULL;
ALTER TABLE reports ADD COLUMN document_date TEXT;
ALTER TABLE reports ADD COLUMN file_time TEXT;
ALTER TABLE reports ADD COLUMN page_count INTEGER CHECK (page_count >= 1);
ALTER TABLE reports ADD COLUMN measure_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN fact_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX reports_agency_id ON reports (agency_id);
CREATE INDEX reports_plan_id ON reports (plan_id);
CREATE INDEX reports_identity ON reports (identity);
CREATE INDEX reports_current_id ON reports (current_id);
CREATE INDEX reports_path ON reports (path);

ALTER TABLE measures ADD COLUMN number_sort INTEGER;
ALTER TABLE measures ADD COLUMN fact_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE measures ADD COLUMN plan_measure_id INTEGER REFERENCES plan_measures (id) ON DELETE SET NULL;
ALTER TABLE measures ADD COLUMN plan_link TEXT
	CHECK (plan_link IN ('number', 'title', 'new', 'unlinked'));
CREATE INDEX measures_plan_measure_id ON measures (plan_measure_id, report_id);

-- How many stored measures link to each plan measure under each title and
-- number, kept by the triggers below (so also when measures are deleted):
-- the plan measure's title and number are the most common ones here.
-- title and number are '' where the measure has none.
CREATE TABLE plan_measure_variants (
	id              INTEGER PRIMARY KEY,
	plan_measure_id INTEGER NOT NULL REFERENCES plan_measures (id) ON DELETE CASCADE,
	title           TEXT    NOT NULL,
	number          TEXT    NOT NULL,
	measures        INTEGER NOT NULL CHECK (measures >= 0),
	first_measure   INTEGER NOT NULL,
	UNIQUE (plan_measure_id, title, number)
);

CREATE TRIGGER plan_measure_variants_link AFTER UPDATE OF plan_measure_id, title, number ON measures
WHEN new.plan_measure_id IS NOT NULL BEGIN
	INSERT INTO plan_measure_variants (plan_measure_id, title, number, measures, first_measure)
	VALUES (new.plan_measure_id, coalesce(new.title, ''), coalesce(new.number, ''), 1, new.id)
	ON CONFLICT (plan_measure_id, title, number) DO UPDATE
	SET measures = measures + 1, first_measure = min(first_measure, excluded.first_measure);
END;

CREATE TRIGGER plan_measure_variants_unlink AFTER UPDATE OF plan_measure_id, title, number ON measures
WHEN old.plan_measure_id IS NOT NULL BEGIN
	UPDATE plan_measure_variants SET measures = measures - 1
	WHERE plan_measure_id = old.plan_measure_id AND title = coalesce(old.title, '') AND number = coalesce(old.number, '');
END;

CREATE TRIGGER plan_measure_variants_delete AFTER DELETE ON measures
WHEN old.plan_measure_id IS NOT NULL BEGIN
	UPDATE plan_measure_variants SET measures = measures - 1
	WHERE plan_measure_id = old.plan_measure_id AND title = coalesce(old.title, '') AND number = coalesce(old.number, '');
END;

ALTER TABLE facts ADD COLUMN count INTEGER;
ALTER TABLE facts ADD COLUMN amount REAL;

-- Whether each plan measure was reported, per current report on the plan.
CREATE TABLE plan_coverage (
	id              INTEGER PRIMARY KEY,
	plan_measure_id INTEGER NOT NULL REFERENCES plan_measures (id) ON DELETE CASCADE,
	report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	measure_id      INTEGER REFERENCES measures (id) ON DELETE SET NULL,
	reported        INTEGER NOT NULL CHECK (reported IN (0, 1)),
	UNIQUE (plan_measure_id, report_id)
);
CREATE INDEX plan_coverage_report_id ON plan_coverage (report_id);
CREATE INDEX plan_coverage_measure_id ON plan_coverage (measure_id);

-- The counts and amounts of facts stored before this migration.
UPDATE facts SET count = CAST(value AS INTEGER)
	WHERE kind = 'quantity' AND value = CAST(value AS INTEGER);
UPDATE facts SET amount = value
	WHERE count IS NULL AND value IS NOT NULL AND kind IN ('quantity', 'money', 'percent');
UPDATE measures SET fact_count = (SELECT count(*) FROM facts WHERE facts.measure_id = measures.id);
UPDATE reports SET
	measure_count = (SELECT count(*) FROM measures WHERE measures.report_id = reports.id),
	fact_count = (SELECT coalesce(sum(fact_count), 0) FROM measures WHERE measures.report_id = reports.id),
	page_count = CASE WHEN format = 'pdf' OR pages > 1 THEN pages END;

-- Every column of these views is a plain column of a table, so that
-- PRAGMA table_info shows its declared type in every SQLite version (BI
-- tools read types from it); computed values live in typed table columns.

-- One row per current report.
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

-- One row per measure of a current report.
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
	m.page_first      AS page_first,
	m.page_last       AS page_last,
	r.page_count      AS report_pages,
	m.fact_count      AS fact_count,
	m.plan_measure_id AS plan_measure_id,
	m.plan_link       AS plan_link,
	r.path            AS path
FROM measures AS m
JOIN reports AS r ON r.id = m.report_id
LEFT JOIN agencies AS a ON a.id = r.agency_id
LEFT JOIN plans AS p ON p.id = r.plan_id
WHERE r.status = 'current';

-- One row per fact of a current report, with its measure's context.
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

-- One row per plan measure and current report on its plan: whether the
-- report reported it, and by which measure. Plan measures that no current
-- report has (learned from files since superseded) are left out.
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

-- Every stored file and its status, with the report that stands for it in
-- the views (current_id): for a source (the same content in another format)
-- or a superseded file, the current report; NULL for a current or removed one.
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
