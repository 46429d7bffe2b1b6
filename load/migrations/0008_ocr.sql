-- 0008_ocr: measures read by OCR from scanned pages are marked, with the
-- mean confidence of their OCR words (weighted by characters), and the
-- views carry both, so that analysts can leave out numbers read from
-- low-confidence text: `WHERE ocr = 0 OR ocr_confidence >= 0.9`.

ALTER TABLE measures ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0 CHECK (ocr IN (0, 1));
ALTER TABLE measures ADD COLUMN ocr_confidence REAL
	CHECK (ocr_confidence IS NULL OR (ocr_confidence >= 0 AND ocr_confidence <= 1));

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
