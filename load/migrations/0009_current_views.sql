-- 0009_current_views: the views of the first schema, measure_facts and
-- report_summary, read current reports only.
--
-- They read every stored file, so a report that came as PDF and as DOCX
-- (one current report, one source), a superseded file or a withdrawn one
-- was counted once per file by whoever summed them. They keep their names
-- and columns for the queries and dashboards built on them, and now count
-- each report once, as the current_* views do. report_summary's
-- measure_count and fact_count are the counts hesabat stores with the
-- report (the same numbers), so that they have a declared type, INTEGER;
-- warning_count and note_count are counted as before.

DROP VIEW measure_facts;
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

DROP VIEW report_summary;
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
