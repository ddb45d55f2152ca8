package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
	"counterpart/storage/ingest"
)

// importFile asks for files to import.
func (u *UI) importFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError("Opening the file", err)
			return
		}
		if r == nil {
			return
		}
		uri := r.URI()
		r.Close()
		u.importURIs([]fyne.URI{uri})
	}, u.win)
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
}

// importURIs reads and imports files (from the file dialog or dropped on
// the window) off the UI goroutine, one transaction per file.
func (u *UI) importURIs(uris []fyne.URI) {
	if len(uris) == 0 {
		return
	}
	var imported []string
	u.say("Importing %d file(s)…", len(uris))
	u.runStore("Importing", func(ctx context.Context) error {
		var errs []error
		for _, uri := range uris {
			if uri.Scheme() != "file" {
				errs = append(errs, fmt.Errorf("%s is not a local file", uri.Name()))
				continue
			}
			res, err := ingest.Load(uri.Path(), ingest.Meta{})
			if err == nil {
				_, err = u.store.Import(ctx, res.Documents, res.Statements)
			}
			if err != nil {
				errs = append(errs, err)
				continue
			}
			imported = append(imported, uri.Name())
		}
		return errors.Join(errs...)
	}, func() {
		u.say("Imported %s", strings.Join(imported, ", "))
		u.reload()
	})
}

// pasteForm is the "paste a document" form as plain state: the fields and
// the document they make.
type pasteForm struct {
	Party, Title, Kind, Date, Source, Text string
}

// meta returns the form's metadata for the reader.
func (f pasteForm) meta() ingest.Meta {
	return ingest.Meta{Party: f.Party, Title: f.Title, Kind: f.Kind, Date: f.Date, Source: f.Source}
}

// document reads the form into a document ready to import.
func (f pasteForm) document() (compare.Document, error) {
	if strings.TrimSpace(f.Text) == "" {
		return compare.Document{}, errors.New("paste the document's text first")
	}
	// The fields may also come from front matter in the text itself.
	fm, _ := compare.Parse("", []byte(f.Text))
	switch {
	case strings.TrimSpace(f.Party) == "" && len(fm.Parties) == 0:
		return compare.Document{}, errors.New("give the party that wrote it (several: separated by semicolons)")
	case strings.TrimSpace(f.Title) == "" && fm.Title == "":
		return compare.Document{}, errors.New("give the document's title")
	case strings.TrimSpace(f.Date) == "" && fm.Date == "":
		return compare.Document{}, errors.New("give the document's date, as YYYY-MM-DD")
	}
	res, err := ingest.Read("pasted.md", []byte(f.Text), f.meta())
	if err != nil {
		return compare.Document{}, err
	}
	if len(res.Documents) != 1 {
		return compare.Document{}, errors.New("the text is not one document")
	}
	return res.Documents[0], nil
}

// preview lists the provisions the text parses into.
func (f pasteForm) preview() ([]compare.Provision, error) {
	if strings.TrimSpace(f.Text) == "" {
		return nil, nil
	}
	d, err := compare.Parse("pasted", []byte(f.Text))
	return d.Provisions, err
}

// pasteDialog is the paste form's widgets.
type pasteDialog struct {
	party, title, date, source, text *widget.Entry
	kind                             *widget.Select
	previewInfo                      *widget.Label
	list                             *widget.List
	provisions                       []compare.Provision
	dlg                              dialog.Dialog
}

func (p *pasteDialog) form() pasteForm {
	return pasteForm{Party: p.party.Text, Title: p.title.Text, Kind: p.kind.Selected, Date: p.date.Text,
		Source: p.source.Text, Text: p.text.Text}
}

func (p *pasteDialog) refreshPreview() {
	ps, err := p.form().preview()
	p.provisions = ps
	switch {
	case err != nil:
		p.previewInfo.SetText("Cannot read the text: " + err.Error())
	case len(ps) == 0:
		p.previewInfo.SetText("Provisions appear here as you paste: numbered items, lettered sub-items, headings.")
	default:
		p.previewInfo.SetText(fmt.Sprintf("%d provisions", len(ps)))
	}
	p.list.Refresh()
}

// showPasteForm opens the form for pasting a document's text, with the
// parsed provisions previewed before saving.
func (u *UI) showPasteForm() { u.newPasteDialog().dlg.Show() }

func (u *UI) newPasteDialog() *pasteDialog {
	p := &pasteDialog{
		party: widget.NewEntry(), title: widget.NewEntry(), date: widget.NewEntry(),
		source: widget.NewEntry(), text: widget.NewMultiLineEntry(),
		previewInfo: widget.NewLabel(""),
	}
	kinds := make([]string, len(compare.Kinds))
	for i, k := range compare.Kinds {
		kinds[i] = string(k)
	}
	p.kind = widget.NewSelect(kinds, nil)
	p.kind.SetSelected(string(compare.Memorandum))
	p.party.SetPlaceHolder("Ukraine; United States")
	p.date.SetPlaceHolder("YYYY-MM-DD")
	p.text.SetPlaceHolder("1. First provision…\n2. Second provision…\n   a) sub-provision…")
	p.text.Wrapping = fyne.TextWrapWord
	p.text.SetMinRowsVisible(12)
	p.text.OnChanged = func(string) { p.refreshPreview() }
	p.list = widget.NewList(
		func() int { return len(p.provisions) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			pr := p.provisions[id]
			o.(*widget.Label).SetText(pr.Label + "  " + pr.Text)
		})
	p.refreshPreview()
	form := widget.NewForm(
		widget.NewFormItem("Party", p.party),
		widget.NewFormItem("Title", p.title),
		widget.NewFormItem("Kind", p.kind),
		widget.NewFormItem("Date", p.date),
		widget.NewFormItem("Source", p.source),
	)
	left := container.NewBorder(form, nil, nil, nil, p.text)
	right := container.NewBorder(p.previewInfo, nil, nil, nil, p.list)
	split := container.NewHSplit(left, right)
	p.dlg = dialog.NewCustomConfirm("Paste a document", "Save", "Cancel", split, func(ok bool) {
		if ok {
			u.savePasted(p)
		}
	}, u.win)
	p.dlg.Resize(fyne.NewSize(1100, 700))
	return p
}

// savePasted imports the pasted document; on an error the form opens again
// with what was typed.
func (u *UI) savePasted(p *pasteDialog) {
	doc, err := p.form().document()
	if err != nil {
		u.showErrorThen("The pasted document cannot be saved", err, p.dlg.Show)
		return
	}
	u.runStore("Saving the pasted document", func(ctx context.Context) error {
		_, err := u.store.Import(ctx, []compare.Document{doc}, nil)
		return err
	}, func() {
		u.say("Saved “%s” with %d provisions", doc.Title, len(doc.Provisions))
		u.reload()
	})
}

// showErrorThen shows err and calls then when the dialog closes.
func (u *UI) showErrorThen(what string, err error, then func()) {
	d := dialog.NewError(fmt.Errorf("%s: %s", what, Plain(err)), u.win)
	d.SetOnClosed(then)
	d.Show()
}
