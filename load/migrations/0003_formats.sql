-- 0003_formats: reports.format also allows 'doc' (Word 97-2003), 'odt'
-- (OpenDocument text) and 'html' (web pages).
--
-- SQLite cannot alter a CHECK constraint, and rebuilding reports would
-- have to name its columns, which later migrations extend. Widening a
-- CHECK changes no stored byte, so this uses the procedure SQLite documents
-- for such changes (https://sqlite.org/lang_altertable.html, "making other
-- kinds of table schema changes"): the table's CREATE statement is edited
-- in sqlite_schema, every row already satisfies the wider constraint.
PRAGMA writable_schema = ON;

UPDATE sqlite_schema
SET sql = replace(sql,
	'CHECK (format IN (''txt'', ''docx'', ''pdf''))',
	'CHECK (format IN (''txt'', ''docx'', ''pdf'', ''doc'', ''odt'', ''html''))')
WHERE type = 'table' AND name = 'reports';

-- Reload this connection's copy of the schema.
PRAGMA writable_schema = RESET;

-- Any schema change moves the schema cookie, so that other connections
-- reload the schema too.
CREATE TABLE formats_0003 (x);
DROP TABLE formats_0003;

-- Fail, and so roll back, unless the constraint was found and widened.
CREATE TEMP TABLE formats_0003_done (ok INTEGER CHECK (ok = 1));
INSERT INTO formats_0003_done
SELECT count(*) FROM sqlite_schema
WHERE type = 'table' AND name = 'reports' AND instr(sql, '''doc'', ''odt'', ''html''') > 0;
DROP TABLE formats_0003_done;
