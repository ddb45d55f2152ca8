package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
	"counterpart/report"
)

// exportPDF asks where to save and writes the comparison shown as a PDF
// report off the UI goroutine, with a progress dialog.
func (u *UI) exportPDF() {
	if u.cmp == nil {
		u.say("Pick two documents to compare first")
		return
	}
	c, notes, snap := u.cmp, u.notes, u.snap
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError("Choosing where to save", err)
			return
		}
		if w == nil {
			return
		}
		bar := widget.NewProgressBar()
		progress := dialog.NewCustomWithoutButtons("Writing the PDF report…", bar, u.win)
		progress.Show()
		opt := report.Options{Notes: notes, Progress: func(done, total int) {
			doOnUI(func() {
				if total > 0 {
					bar.SetValue(float64(done) / float64(total))
				}
			})
		}}
		if snap != nil {
			opt.Parties, opt.Documents, opt.Statements = snap.Parties, snap.Documents, snap.Statements
		}
		name := w.URI().Name()
		go func() {
			err := report.Write(w, c, opt)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			doOnUI(func() {
				progress.Hide()
				if err != nil {
					u.showError("Writing the PDF report", err)
					return
				}
				u.say("Saved the report to %s", name)
			})
		}()
	}, u.win)
	d.SetFileName(reportName(&c.Left, &c.Right))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
}

// reportName is the suggested file name of a report: each side's party
// and date, "Russian Federation 2025-06-02 vs Ukraine 2025-05-28.pdf".
func reportName(left, right *compare.Document) string {
	side := func(d *compare.Document) string {
		party := d.Party()
		if i := strings.Index(party, " ("); i > 0 {
			party = party[:i] // "E3 (United Kingdom, France, Germany)" → "E3"
		}
		var name []string // whole words, up to about 30 characters
		for _, w := range strings.Fields(party) {
			if len(name) > 0 && len(strings.Join(append(name, w), " ")) > 30 {
				break
			}
			name = append(name, w)
		}
		clean := strings.Map(func(r rune) rune {
			if strings.ContainsRune(`/\:*?"<>|`, r) {
				return '-'
			}
			return r
		}, strings.Join(name, " "))
		return strings.TrimSpace(clean + " " + string(d.Date))
	}
	return fmt.Sprintf("%s vs %s.pdf", side(left), side(right))
}
