-- 0007_boxes: where each measure's cells stand on their pages, so that a
-- reviewer can see a number on its page (hesabat serve outlines them).
--
-- One row per table cell of the measure that has a position (PDF and other
-- formats with a layout); none for formats without positions. Coordinates
-- are in points with the origin at the page's top-left corner, y growing
-- downwards, /Rotate applied (hesabat.Box).

CREATE TABLE measure_boxes (
	id         INTEGER PRIMARY KEY,
	measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL CHECK (position >= 1),
	page       INTEGER NOT NULL CHECK (page >= 1),
	x0         REAL    NOT NULL,
	y0         REAL    NOT NULL,
	x1         REAL    NOT NULL CHECK (x1 >= x0),
	y1         REAL    NOT NULL CHECK (y1 >= y0),
	UNIQUE (measure_id, position)
);
