package app

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"counterpart/compare"
)

// editDocument opens a form for a document's metadata; the provisions are
// kept as they are.
func (u *UI) editDocument(id int64) {
	if id == 0 {
		return
	}
	var doc compare.Document
	u.runStore("Opening the document", func(ctx context.Context) error {
		var err error
		doc, err = u.store.Document(ctx, id)
		return err
	}, func() { u.showDocumentForm(doc) })
}

func (u *UI) showDocumentForm(doc compare.Document) {
	party, title, date, source := widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	party.SetText(doc.Party())
	title.SetText(doc.Title)
	date.SetText(string(doc.Date))
	source.SetText(doc.Source)
	kinds := make([]string, len(compare.Kinds))
	for i, k := range compare.Kinds {
		kinds[i] = string(k)
	}
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelected(string(doc.Kind))
	items := []*widget.FormItem{
		widget.NewFormItem("Party", party), widget.NewFormItem("Title", title),
		widget.NewFormItem("Kind", kind), widget.NewFormItem("Date", date),
		widget.NewFormItem("Source", source),
	}
	d := dialog.NewForm("Edit document", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		edited := doc
		edited.Parties = compare.SplitParties(party.Text)
		edited.Title = title.Text
		edited.Kind = compare.Kind(kind.Selected)
		edited.Source = source.Text
		dt, err := compare.ParseDate(date.Text)
		if err != nil {
			u.showError("Saving the document", err)
			return
		}
		edited.Date = dt
		u.runStore("Saving the document", func(ctx context.Context) error {
			return u.store.UpdateDocument(ctx, edited)
		}, func() {
			u.undo.push("edit of "+doc.Title, func(ctx context.Context) error { return u.store.UpdateDocument(ctx, doc) })
			u.say("Saved “%s”", edited.Title)
			u.reload()
		})
	}, u.win)
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
}

// deleteDocument deletes a document after confirmation; undo imports it
// again as it was.
func (u *UI) deleteDocument(id int64) {
	doc := u.doc(id)
	if doc == nil {
		return
	}
	msg := fmt.Sprintf("Delete “%s” (%s, %s) with its alignment decisions and notes?", doc.Title, doc.Party(), doc.Date)
	dialog.ShowConfirm("Delete document", msg, func(ok bool) {
		if ok {
			u.deleteNow(id)
		}
	}, u.win)
}

// deleteNow deletes without asking.
func (u *UI) deleteNow(id int64) {
	var gone compare.Document
	u.runStore("Deleting the document", func(ctx context.Context) error {
		var err error
		gone, err = u.store.DeleteDocument(ctx, id)
		return err
	}, func() {
		u.undo.push("delete of "+gone.Title, func(ctx context.Context) error {
			_, err := u.store.Import(ctx, []compare.Document{gone}, nil)
			return err
		})
		u.say("Deleted “%s” (Ctrl+Z or Undo restores it)", gone.Title)
		u.reload()
	})
}

// provisionRef names a provision of one side of the comparison.
type provisionRef struct {
	doc   *compare.Document
	index int
}

// selectedProvisions returns the provisions of the selected row.
func (u *UI) selectedProvisions() []provisionRef {
	sel := u.rows.selectedRow()
	if sel == nil || u.cmp == nil {
		return nil
	}
	row := u.cmp.Rows[sel.Row]
	var out []provisionRef
	for _, i := range row.Left {
		out = append(out, provisionRef{&u.cmp.Left, i})
	}
	for _, i := range row.Right {
		out = append(out, provisionRef{&u.cmp.Right, i})
	}
	return out
}

// editSelectedProvision edits the topics and stance of a provision of the
// selected row.
func (u *UI) editSelectedProvision() {
	refs := u.selectedProvisions()
	if len(refs) == 0 {
		u.say("Select a row first")
		return
	}
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = fmt.Sprintf("%s: %s", r.doc.Title, r.doc.Provisions[r.index].Label)
	}
	which := widget.NewSelect(names, nil)
	topicNames := make([]string, len(compare.Topics))
	for i, t := range compare.Topics {
		topicNames[i] = t.Title()
	}
	topics := widget.NewCheckGroup(topicNames, nil)
	stances := []string{"(none)"}
	for _, s := range compare.Stances {
		stances = append(stances, string(s))
	}
	stance := widget.NewSelect(stances, nil)
	which.OnChanged = func(string) {
		p := refs[which.SelectedIndex()].doc.Provisions[refs[which.SelectedIndex()].index]
		var sel []string
		for _, t := range p.Topics {
			sel = append(sel, t.Title())
		}
		topics.SetSelected(sel)
		if p.Stance == "" {
			stance.SetSelectedIndex(0)
		} else {
			stance.SetSelected(string(p.Stance))
		}
	}
	which.SetSelectedIndex(0)
	items := []*widget.FormItem{
		widget.NewFormItem("Provision", which), widget.NewFormItem("Stance", stance), widget.NewFormItem("Topics", topics),
	}
	d := dialog.NewForm("Topics and stance", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		ref := refs[which.SelectedIndex()]
		p := ref.doc.Provisions[ref.index]
		var ts []compare.Topic
		for i, name := range topicNames {
			if slices.Contains(topics.Selected, name) {
				ts = append(ts, compare.Topics[i])
			}
		}
		var st compare.Stance
		if i := stance.SelectedIndex(); i > 0 {
			st = compare.Stances[i-1]
		}
		docID, label, oldTopics, oldStance := ref.doc.ID, p.Label, p.Topics, p.Stance
		u.runStore("Saving topics and stance", func(ctx context.Context) error {
			return u.store.SetProvision(ctx, docID, label, ts, st)
		}, func() {
			u.undo.push("tags of "+label, func(ctx context.Context) error {
				return u.store.SetProvision(ctx, docID, label, oldTopics, oldStance)
			})
			u.say("Saved topics and stance of %s", label)
			u.reload()
		})
	}, u.win)
	d.Resize(fyne.NewSize(560, 640))
	d.Show()
}
