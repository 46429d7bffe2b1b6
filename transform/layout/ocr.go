package layout

import "github.com/hesabat/hesabat"

// markOCR sets Cell.OCR and Cell.Conf on the cells of rows that stand on
// pages read by OCR: Conf is the mean confidence of the words whose middle
// lies in the cell's box, weighted by their length.
func markOCR(rows []hesabat.Row, pages []hesabat.Page) {
	ocr := map[int]*hesabat.Page{}
	for i := range pages {
		if pages[i].OCR {
			ocr[pages[i].Number] = &pages[i]
		}
	}
	if len(ocr) == 0 {
		return
	}
	for i := range rows {
		for j := range rows[i].Cells {
			c := &rows[i].Cells[j]
			p := ocr[c.Box.Page]
			if p == nil {
				continue
			}
			var sum, n float64
			for _, w := range p.Words {
				x, y := (w.X0+w.X1)/2, (w.Y0+w.Y1)/2
				if x >= c.Box.X0 && x <= c.Box.X1 && y >= c.Box.Y0 && y <= c.Box.Y1 {
					l := float64(len([]rune(w.Text)))
					sum += w.Conf * l
					n += l
				}
			}
			c.OCR = true
			if n > 0 {
				c.Conf = sum / n
			}
		}
	}
}
