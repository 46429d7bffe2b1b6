-- 0012_plan_names: a plan measure's most common title and number found by
-- one indexed lookup.
--
-- A plan measure takes the title and the number that most stored measures
-- linked to it carry (refreshPlan): the sums of plan_measure_variants by
-- title and by number, the larger sum first, then the smaller first
-- measure. Summing every variant of each plan measure touched by a save
-- took about a tenth of the save. The two tables below keep those sums,
-- one row per plan measure and title (number), kept by the triggers on
-- measures that keep plan_measure_variants, in the same statements' steps:
-- measures is the sum of the variants' measures with that title (number),
-- first_measure the least of their first_measure. Titles and numbers that
-- are '' (none) are not kept: they never name a plan measure. Rows whose
-- measures drop to 0 stay, as the variants do.
CREATE TABLE plan_measure_titles (
	plan_measure_id INTEGER NOT NULL REFERENCES plan_measures (id) ON DELETE CASCADE,
	title           TEXT    NOT NULL,
	measures        INTEGER NOT NULL CHECK (measures >= 0),
	first_measure   INTEGER NOT NULL,
	PRIMARY KEY (plan_measure_id, title)
) WITHOUT ROWID;
-- The winner first, and among equals the least title, as the sums of the
-- variants grouped by title in that order gave it.
CREATE INDEX plan_measure_titles_rank ON plan_measure_titles (plan_measure_id, measures DESC, first_measure, title);

CREATE TABLE plan_measure_numbers (
	plan_measure_id INTEGER NOT NULL REFERENCES plan_measures (id) ON DELETE CASCADE,
	number          TEXT    NOT NULL,
	measures        INTEGER NOT NULL CHECK (measures >= 0),
	first_measure   INTEGER NOT NULL,
	PRIMARY KEY (plan_measure_id, number)
) WITHOUT ROWID;
CREATE INDEX plan_measure_numbers_rank ON plan_measure_numbers (plan_measure_id, measures DESC, first_measure, number);

-- The sums of the variants stored so far.
INSERT INTO plan_measure_titles (plan_measure_id, title, measures, first_measure)
SELECT plan_measure_id, title, sum(measures), min(first_measure) FROM plan_measure_variants
WHERE title <> '' GROUP BY plan_measure_id, title;
INSERT INTO plan_measure_numbers (plan_measure_id, number, measures, first_measure)
SELECT plan_measure_id, number, sum(measures), min(first_measure) FROM plan_measure_variants
WHERE number <> '' GROUP BY plan_measure_id, number;

-- The triggers of 0005 and 0010, each now counting the measure in the two
-- tables too.
DROP TRIGGER plan_measure_variants_insert;
DROP TRIGGER plan_measure_variants_link;
DROP TRIGGER plan_measure_variants_unlink;
DROP TRIGGER plan_measure_variants_delete;

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
