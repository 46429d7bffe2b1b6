-- 0006_search: Azerbaijani-aware search, and folded copies of text for BI
-- tools that filter with SQL.
--
-- 0001's measures_fts indexed text as written with SQLite's unicode61
-- case folding, which lowers "I" to "i" where Azerbaijani lowers it to "ı"
-- ("ARAYIŞ*" found nothing), and knew no Cyrillic look-alikes. It is made
-- anew over folded copies of the text that measures now keeps: the
-- project's aztext.Key of the title, executor, work done and extra cells
-- (*_key), and their aztext.BareKey (*_bare: letters without marks, for
-- queries typed without Azerbaijani letters). hesabat fills them, in Go,
-- as it stores a measure, and for measures stored before this migration
-- when it opens the database; triggers keep the index in step. It keeps
-- the name measures_fts and its content="measures", so Datasette still
-- offers search on measures.
--
-- The views carry the *_key columns, so that `WHERE title_key LIKE
-- '%iclas%'` works in a BI tool, which can load no function of ours.

DROP TRIGGER measures_fts_insert;
DROP TRIGGER measures_fts_delete;
DROP TRIGGER measures_fts_update;
DROP TABLE measures_fts;

ALTER TABLE measures ADD COLUMN title_key TEXT;
ALTER TABLE measures ADD COLUMN executor_key TEXT;
ALTER TABLE measures ADD COLUMN work_done_key TEXT;
ALTER TABLE measures ADD COLUMN extras_key TEXT;
ALTER TABLE measures ADD COLUMN title_bare TEXT;
ALTER TABLE measures ADD COLUMN work_done_bare TEXT;
ALTER TABLE measures ADD COLUMN extras_bare TEXT;

CREATE VIRTUAL TABLE measures_fts USING fts5 (
	title_key, work_done_key, extras_key,
	title_bare, work_done_bare, extras_bare,
	content="measures", content_rowid="id",
	tokenize = 'unicode61 remove_diacritics 0'
);

-- Index the measures already stored (their keys are filled by hesabat when
-- it next opens the database, through the update trigger below).
INSERT INTO measures_fts (measures_fts) VALUES ('rebuild');

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

DROP VIEW current_measures;
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
	m.plan_measure_id AS plan_measure_id,
	m.plan_link       AS plan_link,
	r.path            AS path
FROM measures AS m
JOIN reports AS r ON r.id = m.report_id
LEFT JOIN agencies AS a ON a.id = r.agency_id
LEFT JOIN plans AS p ON p.id = r.plan_id
WHERE r.status = 'current';

DROP VIEW current_facts;
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
