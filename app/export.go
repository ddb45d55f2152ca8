package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

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
	d.SetFileName(reportName(c.Left.Title, c.Right.Title))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
}

// reportName is the suggested file name of a report.
func reportName(left, right string) string {
	clean := func(s string) string {
		s = strings.Map(func(r rune) rune {
			if strings.ContainsRune(`/\:*?"<>|`, r) {
				return '-'
			}
			return r
		}, s)
		if r := []rune(s); len(r) > 40 {
			s = string(r[:40])
		}
		return strings.TrimSpace(s)
	}
	return fmt.Sprintf("%s vs %s.pdf", clean(left), clean(right))
}
