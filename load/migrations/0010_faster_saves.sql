-- 0010_faster_saves: what makes storing a report cost the same however
-- many the database holds, and cost less.
--
-- The identity rule (identity.go) compares every file of an identity group
-- with the latest one each time a file joins the group. It read each file's
-- measures, facts and work done again for that, so a report stored in n
-- files cost n reads to store the next one, and a batch grew with the
-- square of its size. content_digest holds, once computed, a hash of the
-- report's measures and facts and a hash of the words of its work done
-- (see content.digest); reports of different digests of measures and facts
-- are different content, of equal digests the same, and only files whose
-- words differ are read again. It is NULL until the rule first needs it:
-- reports stored before this migration get it then.
ALTER TABLE reports ADD COLUMN content_digest TEXT;

-- The plan refresh counts the measures of a plan measure over the current
-- reports of its plan (refreshPlan).
CREATE INDEX reports_plan_status ON reports (plan_id, status);

-- hesabat now links a measure to its plan measure as it inserts it, instead
-- of updating the measure after (which rewrote the whole row, work done
-- and search keys included). The variants count such measures too, as 0005's
-- triggers count a link made by an update.
CREATE TRIGGER plan_measure_variants_insert AFTER INSERT ON measures
WHEN new.plan_measure_id IS NOT NULL BEGIN
	INSERT INTO plan_measure_variants (plan_measure_id, title, number, measures, first_measure)
	VALUES (new.plan_measure_id, coalesce(new.title, ''), coalesce(new.number, ''), 1, new.id)
	ON CONFLICT (plan_measure_id, title, number) DO UPDATE
	SET measures = measures + 1, first_measure = min(first_measure, excluded.first_measure);
END;

-- Each saved report is one transaction, and FTS5 writes its words as a new
-- segment of the search index at each commit; with the default automerge of
-- 4 it merged segments every few reports. 8 merges half as often (about 10 %
-- of the CPU time of a save) at the price of at most twice as many segments
-- to read per search level; searches find the same rows.
INSERT INTO measures_fts (measures_fts, rank) VALUES ('automerge', 8);
