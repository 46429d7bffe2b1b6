-- 0004_ingest_state: ingest_errors becomes the state of each failing file
-- content (one row, with when it was first and last seen failing, how many
-- times it was read, and the extraction rules and capabilities it failed
-- under), and each report records the extraction rules that made it.

-- NULL: stored before rules were recorded, so older than any rules version.
ALTER TABLE reports ADD COLUMN rules_version INTEGER;

CREATE TABLE ingest_errors_0004 (
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

-- The history so far folds into one row per content (per path where the
-- file could not be read), its latest message; failures of files stored
-- since are resolved and go.
INSERT INTO ingest_errors_0004
	(path, sha256, kind, page, message, hint, first_seen, last_seen, attempts)
SELECT e.path, e.sha256, e.kind, e.page, e.message, e.hint, g.first_seen, g.last_seen, g.attempts
FROM ingest_errors AS e
JOIN (SELECT max(id) AS id, min(occurred_at) AS first_seen, max(occurred_at) AS last_seen,
             count(*) AS attempts
      FROM ingest_errors
      GROUP BY coalesce(sha256, 'path:' || path)) AS g ON g.id = e.id
WHERE e.sha256 IS NULL OR e.sha256 NOT IN (SELECT sha256 FROM reports);

DROP TABLE ingest_errors;
ALTER TABLE ingest_errors_0004 RENAME TO ingest_errors;

-- One row per failing content; a file that could not be read has no
-- content hash and one row per path.
CREATE UNIQUE INDEX ingest_errors_content ON ingest_errors (sha256) WHERE sha256 IS NOT NULL;
CREATE UNIQUE INDEX ingest_errors_unread ON ingest_errors (path) WHERE sha256 IS NULL;
