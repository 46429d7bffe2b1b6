-- 0013_fold_once: the search index splits the folded text into words
-- without folding it again.
--
-- measures_fts indexes the *_key and *_bare columns, which hesabat fills
-- with aztext.Key and BareKey of the text (0006): lower case by Azerbaijani
-- rules, and only letters and digits, one space between words. SQLite's
-- unicode61 tokenizer looked up the Unicode class and the lower case of
-- every non-ASCII letter of that text again, a tenth of the instructions
-- of storing a report. The ascii tokenizer splits the same text into the
-- same words at its spaces: every byte of a non-ASCII letter is part of a
-- word, as every letter of the folded text is, and ASCII capitals, which
-- the keys do not hold, are lowered. Searches through hesabat (which folds
-- the query the same way) find the same rows with the same rank; a query
-- written by hand must be in lower case, as docs/bi.md already asks.
DROP TABLE measures_fts;

CREATE VIRTUAL TABLE measures_fts USING fts5 (
	title_key, work_done_key, extras_key,
	title_bare, work_done_bare, extras_bare,
	content="measures", content_rowid="id",
	tokenize = 'ascii'
);

INSERT INTO measures_fts (measures_fts) VALUES ('rebuild');
INSERT INTO measures_fts (measures_fts, rank) VALUES ('automerge', 16);
